// What EXECUTE and NODE_EXECUTE events say of the slot a job runs on: its name and the
// resources it was given (ExecuteEvent's slotName and executeProps, which NodeExecuteEvent
// shares): the optional lines after the host line, their fields and their text.
#pragma once

#include <memory>
#include <string>

#include "classad/classad.hpp"
#include "eventlog/body_reader.hpp"

namespace htcondor::eventlog {

struct ExecuteSlot {
  std::string name;
  std::shared_ptr<classad::ClassAd> props;

  // "\tSlotName: <name>" and `Name = Expr` lines, all optional (older logs have none).
  void read(BodyReader& in, bool& gotSync);
  void format(std::string& out) const;
  void addFields(classad::ClassAd& ad) const;
  void readFields(const classad::ClassAd& ad);

 private:
  void insertProp(const std::string& line);
};

}  // namespace htcondor::eventlog

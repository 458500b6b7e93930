#include "eventlog/execute_slot.hpp"

#include "classad/old_syntax.hpp"
#include "eventlog/ad_fields.hpp"
#include "eventlog/ad_text.hpp"

namespace htcondor::eventlog {

void ExecuteSlot::read(BodyReader& in, bool& gotSync) {
  std::string line;
  if (!in.readOptionalLine(line, gotSync)) return;
  if (line.compare(0, 10, "\tSlotName:") == 0) {
    name = line.substr(line.find(':') + 1);
    trimLine(name);
    if (name.size() >= 2) {
      if (name.front() == '"') name.erase(0, 1);
      if (name.back() == '"') name.pop_back();
    }
  } else {
    insertProp(line);
  }
  if (gotSync) return;
  while (in.readOptionalLine(line, gotSync)) insertProp(line);
}

void ExecuteSlot::format(std::string& out) const {
  if (!name.empty()) out += "\tSlotName: " + name + "\n";
  if (props && props->size() > 0) printAdAttrs(out, *props, "\t");
}

void ExecuteSlot::addFields(classad::ClassAd& ad) const {
  if (!name.empty()) assignString(ad, "SlotName", name);
  if (props && props->size() > 0) ad.insert("ExecuteProps", copyAd(*props));
}

void ExecuteSlot::readFields(const classad::ClassAd& ad) {
  name.clear();
  lookupString(ad, "SlotName", name);
  auto found = lookupAd(ad, "ExecuteProps");
  props = found ? copyAd(*found) : nullptr;
}

void ExecuteSlot::insertProp(const std::string& line) {
  if (!props) props = std::make_shared<classad::ClassAd>();
  classad::insertLongFormLine(*props, line);
}

}  // namespace htcondor::eventlog

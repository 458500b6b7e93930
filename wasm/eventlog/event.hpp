// One job event, as HTCondor's ULogEvent: its header (number, job id, time) and, in each
// subclass, its fields with the four ways HTCondor moves them: read from the classic text,
// formatted back as classic text (what str() shows), written into the event's ad (what the
// Python bindings' JobEvent holds), and read from an ad (XML and JSON logs).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "classad/classad.hpp"
#include "eventlog/body_reader.hpp"

namespace htcondor::eventlog {

using classad::ClassAd;

// The HTCondor release whose reader is reproduced; behaviour that changed is switched on it.
struct ReaderVersion {
  int major = 23;
  int minor = 9;
  bool atLeast(int wantMajor, int wantMinor = 0) const { return major > wantMajor || (major == wantMajor && minor >= wantMinor); }
};

// What the reader knows that the text does not: the year a legacy "MM/DD" header is read in
// (HTCondor takes the current one) and the release emulated.
struct ReadContext {
  int64_t now = 0;  // seconds since the epoch
  ReaderVersion version;
};

// ULogEvent's format options (formatOpt): str() uses ISO dates (USERLOG_FORMAT_DEFAULT).
struct FormatOptions {
  bool isoDate = true;
  bool utc = false;
  bool subSecond = false;
};

class Event {
 public:
  explicit Event(int number) : number_(number) {}
  virtual ~Event() = default;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  int number() const { return number_; }
  int cluster = -1;
  int proc = -1;
  int subproc = -1;
  int64_t clock = 0;  // the event's time, seconds since the epoch
  int64_t usec = 0;   // its microseconds

  // The header after the event number (" (1.0.0) 2026-11-21 06:20:09 "); the text after it, or
  // nothing when the header does not parse (ULogEvent::readHeader).
  std::optional<std::string_view> readHeader(std::string_view line, const ReadContext& context);
  // The body, from the line after the header's tail (stashed in `in`). False: it does not
  // parse. `gotSync` is set when the body's reads consumed the "..." line.
  virtual bool readBody(BodyReader& in, bool& gotSync, const ReadContext& context) = 0;

  // str(): the header and body in classic format (the bindings' repr when the body refuses).
  std::string format(const FormatOptions& options = {}) const;
  // The event's ad (toClassAd(false)); null when HTCondor's toClassAd refuses the event.
  std::shared_ptr<ClassAd> toAd() const;
  // The fields from an XML or JSON log's ad (initFromClassAd).
  void fromAd(const ClassAd& ad, const ReadContext& context);

 protected:
  virtual void formatBody(std::string& out) const = 0;
  virtual void addFields(ClassAd& ad) const = 0;
  virtual void readFields(const ClassAd& ad, const ReadContext& context) = 0;
  // False where HTCondor's formatBody() and toClassAd() both refuse the event (a field they
  // require is empty, e.g. a JOB_DISCONNECTED event read from an ad without StartdName).
  virtual bool complete() const { return true; }
  // The MyType the ad carries; the event number decides it unless a class says otherwise.
  virtual std::string_view myType() const;

 private:
  int number_;
};

// ULogEvent::set_reason_member: newlines become '|', carriage returns spaces.
std::string reasonText(std::string_view text);

}  // namespace htcondor::eventlog

// Events that carry job attributes (condor_event.cpp's JobAdInformationEvent and
// AttributeUpdate).
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "cedar/classad_wire.hpp"
#include "classad/old_syntax.hpp"
#include "classad/tree_build.hpp"
#include "classad/unparse.hpp"
#include "eventlog/ad_fields.hpp"
#include "eventlog/event_number.hpp"
#include "eventlog/events_job.hpp"
#include "eventlog/scan_line.hpp"

namespace htcondor::eventlog {

namespace {

// sPrintAd: "Name = Expr" lines in old syntax, sorted by name as std::string compares them
// (case matters), private attributes left out.
void printAd(std::string& out, const ClassAd& ad) {
  std::vector<const std::string*> names;
  for (const auto& [name, expr] : ad.attributes()) {
    if (!cedar::isPrivateAttributeV1(name) && !cedar::isPrivateAttributeV2(name)) names.push_back(&name);
  }
  std::sort(names.begin(), names.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  for (const std::string* name : names) {
    out += *name + " = " + classad::unparse(*ad.lookup(*name), classad::Style::Old) + "\n";
  }
}

// A copy of the job's ad, logged when the job asks for it (job_ad_information_attrs). Its ad is
// the event's own attributes with the job's added where they do not clash.
class JobAdInformationEvent final : public Event {
 public:
  JobAdInformationEvent() : Event(kJobAdInformation) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string line;
    if (!in.readLineValue("Job ad information event triggered.", line, gotSync)) return false;
    jobAd_ = std::make_shared<ClassAd>();
    int count = 0;
    // Every line must be "Name = Expr" (ClassAd::Insert: a quoted name is refused), and there
    // must be at least one.
    while (in.readOptionalLine(line, gotSync)) {
      size_t first = line.find_first_not_of(" \t\n\v\f\r");
      if (first != std::string::npos && line[first] == '\'') return false;
      if (!classad::insertLongFormLine(*jobAd_, line)) return false;
      ++count;
    }
    return count > 0;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job ad information event triggered.\n";
    if (jobAd_) printAd(out, *jobAd_);
  }
  void addFields(ClassAd& ad) const override {
    if (!jobAd_) return;
    // MergeClassAds without overwriting: the event's Cluster, EventTime, MyType... stay.
    for (const auto& [name, expr] : jobAd_->attributes()) {
      if (!ad.lookup(name)) ad.insert(name, classad::deepCopy(*expr));
    }
  }
  void readFields(const ClassAd& ad, const ReadContext&) override { jobAd_ = copyAd(ad); }

 private:
  std::shared_ptr<ClassAd> jobAd_;
};

// A job attribute set through chirp. The reader tries "Changing job attribute <name> from <old>
// to <new>", and only when that finds no input at all "Setting job attribute <name> to <new>";
// a "Setting" line (the only kind the schedd writes) thus reads as an empty name and value.
class AttributeUpdateEvent final : public Event {
 public:
  AttributeUpdateEvent() : Event(kAttributeUpdate) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext& context) override {
    name_.reset();
    value_.reset();
    oldValue_.reset();
    std::string line;
    if (!in.readOptionalLine(line, gotSync)) return false;
    // 25.x bounds each word to its 4095-character buffer.
    const bool bounded = context.version.atLeast(25);
    std::string name, oldValue, value;
    if (scanLine(line, bounded ? "Changing job attribute %4095s from %4095s to %4095s" : "Changing job attribute %s from %s to %s",
                 {&name, &oldValue, &value}) < 0 &&
        scanLine(line, bounded ? "Setting job attribute %4095s to %4095s" : "Setting job attribute %s to %s", {&name, &value}) < 0) {
      return false;
    }
    name_ = name;
    value_ = value;
    if (!oldValue.empty()) oldValue_ = oldValue;
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    // A missing name or value prints as glibc prints a null "%s".
    auto text = [](const std::optional<std::string>& s) { return s ? *s : std::string("(null)"); };
    if (oldValue_) out += "Changing job attribute " + text(name_) + " from " + *oldValue_ + " to " + text(value_) + "\n";
    else out += "Setting job attribute " + text(name_) + " to " + text(value_) + "\n";
  }
  void addFields(ClassAd& ad) const override {
    if (name_) assignString(ad, "Attribute", *name_);
    if (value_) assignString(ad, "Value", *value_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    std::string text;
    if (lookupString(ad, "Attribute", text)) name_ = text.substr(0, text.find('\0'));
    if (lookupString(ad, "Value", text)) value_ = text.substr(0, text.find('\0'));
  }

 private:
  std::optional<std::string> name_, value_, oldValue_;  // char* in HTCondor, null until set
};

}  // namespace

std::unique_ptr<Event> makeJobAdEvent(int number) {
  switch (number) {
    case kJobAdInformation: return std::make_unique<JobAdInformationEvent>();
    case kAttributeUpdate: return std::make_unique<AttributeUpdateEvent>();
    default: return nullptr;
  }
}

}  // namespace htcondor::eventlog

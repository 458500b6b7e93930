// Grid universe events: the grid resource going down and up, the submission to it, and the
// remote status and staging banners (condor_event.cpp's GridResourceUp/Down, GridSubmit,
// JobStatusUnknown/Known, JobStageIn/Out).
#include "eventlog/ad_fields.hpp"
#include "eventlog/event_factory.hpp"
#include "eventlog/event_number.hpp"

namespace htcondor::eventlog {

namespace {

// "%.8191s", and "UNKNOWN" for an empty value.
std::string shownOrUnknown(const std::string& value) { return value.empty() ? "UNKNOWN" : value.substr(0, 8191); }

// An event of one banner line and nothing else (29-32): its ad has only the header attributes.
class BannerEvent final : public Event {
 public:
  BannerEvent(int number, std::string_view banner) : Event(number), banner_(banner) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string rest;
    return in.readLineValue(banner_, rest, gotSync);
  }

 protected:
  void formatBody(std::string& out) const override { out += std::string(banner_) + "\n"; }
  void addFields(ClassAd&) const override {}
  void readFields(const ClassAd&, const ReadContext&) override {}

 private:
  std::string_view banner_;
};

// GridResourceUpEvent and GridResourceDownEvent: a banner and the resource.
class GridResourceEvent final : public Event {
 public:
  GridResourceEvent(int number, std::string_view banner) : Event(number), banner_(banner) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string rest;
    return in.readLineValue(banner_, rest, gotSync) && in.readLineValue("    GridResource: ", resource_, gotSync);
  }

 protected:
  void formatBody(std::string& out) const override {
    out += std::string(banner_) + "\n";
    out += "    GridResource: " + shownOrUnknown(resource_) + "\n";
  }
  void addFields(ClassAd& ad) const override {
    if (!resource_.empty()) assignString(ad, "GridResource", resource_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override { lookupString(ad, "GridResource", resource_); }

 private:
  std::string_view banner_;
  std::string resource_;
};

class GridSubmitEvent final : public Event {
 public:
  GridSubmitEvent() : Event(kGridSubmit) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string rest;
    return in.readLineValue("Job submitted to grid resource", rest, gotSync) &&
           in.readLineValue("    GridResource: ", resource_, gotSync) && in.readLineValue("    GridJobId: ", jobId_, gotSync);
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job submitted to grid resource\n";
    out += "    GridResource: " + shownOrUnknown(resource_) + "\n";
    out += "    GridJobId: " + shownOrUnknown(jobId_) + "\n";
  }
  void addFields(ClassAd& ad) const override {
    if (!resource_.empty()) assignString(ad, "GridResource", resource_);
    if (!jobId_.empty()) assignString(ad, "GridJobId", jobId_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    lookupString(ad, "GridResource", resource_);
    lookupString(ad, "GridJobId", jobId_);
  }

 private:
  std::string resource_, jobId_;
};

}  // namespace

std::unique_ptr<Event> makeGridEvent(int number) {
  switch (number) {
    case kGridResourceUp: return std::make_unique<GridResourceEvent>(number, "Grid Resource Back Up");
    case kGridResourceDown: return std::make_unique<GridResourceEvent>(number, "Detected Down Grid Resource");
    case kGridSubmit: return std::make_unique<GridSubmitEvent>();
    case kJobStatusUnknown: return std::make_unique<BannerEvent>(number, "The job's remote status is unknown");
    case kJobStatusKnown: return std::make_unique<BannerEvent>(number, "The job's remote status is known again");
    case kJobStageIn: return std::make_unique<BannerEvent>(number, "Job is performing stage-in of input files");
    case kJobStageOut: return std::make_unique<BannerEvent>(number, "Job is performing stage-out of output files");
    default: return nullptr;
  }
}

}  // namespace htcondor::eventlog

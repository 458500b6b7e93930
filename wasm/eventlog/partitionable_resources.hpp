// The "Partitionable Resources" table at the end of termination events: what the job used,
// requested and was allocated of each slot resource. In the event's ad these are attributes
// <Res>Usage, Request<Res>, <Res> and Assigned<Res>; in the text a table whose columns line up
// with its header (condor_event.cpp's formatUsageAd and UsageLineParser).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "classad/classad.hpp"

namespace htcondor::eventlog {

// Reads the table's rows into attributes, with the column edges its header line gives.
class UsageTableReader {
 public:
  // The header ("\tPartitionable Resources :    Usage  Request Allocated [Assigned]").
  void init(std::string_view header);
  // One row ("\t   Memory (MB)          :        5       16       128 "): each cell that
  // parses as an expression becomes an attribute of `usage`.
  void parseRow(std::string_view row, classad::ClassAd& usage) const;

 private:
  // Offsets after the header's colon: the right edges of Usage, Request and Allocated, and
  // the left edge of Assigned (which takes the rest of the line). Not reset by init(), as in
  // HTCondor, so a second header without a column keeps the first one's edge.
  int use_ = -1, req_ = -1, alloc_ = -1, assigned_ = -1;
};

// The table as str() prints it; nothing when the ad holds no resource attributes.
void formatUsageTable(std::string& out, const classad::ClassAd& usage);

// TerminatedEvent::initUsageFromAd: from an event's ad (XML, JSON), the attributes of every
// resource <Res> that has both Request<Res> and <Res>, into `usage` (created when needed).
void usageFromEventAd(const classad::ClassAd& ad, std::shared_ptr<classad::ClassAd>& usage);

}  // namespace htcondor::eventlog

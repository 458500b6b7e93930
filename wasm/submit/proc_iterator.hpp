// Generates the procs of a submit description one at a time, as condor_submit's queue loop
// (submit.cpp: init_vars, set_vars, queue_item) or the Python bindings' Submit.jobs()
// (SubmitStepFromQArgs) do, and serves each proc's submit_param() to the job-ad builder.
// Per proc the live values are in place: $(Cluster)/$(ClusterId), $(Process)/$(ProcId),
// $(Row)/$(ItemIndex) (the item's index among all items), $(Step) (0..count-1 per item), $(Node)
// (empty) and the loop variables. A row with fewer fields than variables leaves the others at
// the previous row's values, as 23.9.6 does. Memory stays proportional to the item list; each
// step is O(number of loop variables).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "submit/queue_args.hpp"
#include "submit/submit_lookup.hpp"
#include "submit/submit_macros.hpp"

namespace htcondor::submit {

// One queue statement with the definitions read since the previous one.
struct QueueSegment {
  std::vector<SubmitMacros::Entry> definitions;  // applied before this statement's procs
  QueueArgs args;
  int line = 0;             // the queue statement's line (0: none, e.g. Python jobs())
  bool newCluster = false;  // condor_submit asks for a new cluster (the executable changed)
};

enum class ProcStyle {
  CondorSubmit,  // slices honoured, "queue 0" makes nothing, Cluster/Process live
  Python,        // Submit.jobs(): slices ignored, count 0 means 1, one empty item if none
};

struct ProcPosition {
  long long cluster = 1;
  long long proc = 0;
  long long itemIndex = 0;
  long long step = 0;
  size_t segment = 0;       // which queue statement
  int queueLine = 0;
  bool firstInCluster = false;
};

class ProcIterator : public SubmitLookup {
 public:
  ProcIterator(SubmitMacros base, std::shared_ptr<const std::vector<QueueSegment>> segments, ProcStyle style,
               long long cluster = 1, long long firstProc = 0);

  // Advances to the next proc; false when there are no more (with caller's item data: until
  // the next item is fed).
  bool next();

  // Caller's item data instead of the queue statement's (Python's jobs(itemdata=...)): from
  // now on each fed item makes `count` procs. An item is its values by variable: one with an
  // empty name is a whole row (the variable "Item" if none are named yet, else split as a queue
  // row is), names "0", "1", ... are a list's fields (Item, Item1, ... if none are named yet).
  // The first item names the variables; a later one without some keeps their previous values.
  void useExternalItems(long long count);
  Status feed(const std::vector<std::pair<std::string, std::string>>& values);
  const ProcPosition& position() const { return pos_; }
  // The current item's row text (empty without items).
  std::string_view item() const;

  // SubmitLookup, for the current proc. Errors carry the queue statement's line.
  Result<std::optional<std::string>> param(std::string_view name) const override;
  bool mayDefine(std::string_view name) const override { return macros_.mayDefine(name); }
  std::vector<std::string> names() const override;
  // Expands text with the current proc's values.
  Result<std::string> expand(std::string_view text) const;

  const SubmitMacros& macros() const { return macros_; }
  // $(Node) for parallel universe procs ("#pArAlLeLnOdE#"), set by the job-ad builder.
  void setNode(std::string node) { macros_.setNode(std::move(node)); }

 private:
  bool enterSegment(size_t index);
  void setItemVars(const QueueSegment& seg, const std::string& row);

  SubmitMacros macros_;
  std::shared_ptr<const std::vector<QueueSegment>> segments_;
  ProcStyle style_;
  ProcPosition pos_;
  bool started_ = false;
  bool done_ = false;
  // Position within the current segment.
  size_t itemCursor_ = 0;   // next item to consider
  long long stepCursor_ = 0;
  long long count_ = 1;
  bool pending_ = false;    // a selected item is current and steps remain
  long long nextProc_ = 0;
  long long rowsTaken_ = 0;  // Python numbers rows as it takes them
  bool external_ = false;
  std::vector<std::string> externalVars_;
  size_t currentItem_ = 0;
};

}  // namespace htcondor::submit

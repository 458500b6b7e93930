// The arguments of a queue statement, as HTCondor's SubmitForeachArgs::parse_queue_args()
// reads them (submit_utils.cpp):
//   [<count>] [<var>[,<var>...] in|from|matching [files|dirs|any] [<slice>] <items>]
// <count> is a number or a ClassAd expression giving one (0 <= count < INT_MAX); <items> is a
// comma/space list for "in" and "matching" (globs), a file name or one "( ... )" row for
// "from"; a '(' without its ')' on the same line continues on the following lines, up to a
// line that starts with ')'. A slice [start:end:step] selects among the items.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "submit/submit_error.hpp"

namespace htcondor::submit {

enum class ForeachMode : uint8_t { Not, In, From, Matching, MatchingFiles, MatchingDirs, MatchingAny };

// qslice: Python-style [start:end:step]; absent parts take their defaults.
struct Slice {
  bool initialized = false;
  std::optional<int> start, end, step;

  // Whether the item at `index` of `length` items is selected (qslice::selected).
  bool selected(long long index, long long length) const;
  // How many of `length` items are selected (qslice::length_for).
  long long lengthFor(long long length) const;
};

struct QueueArgs {
  int count = 1;  // procs per item
  ForeachMode mode = ForeachMode::Not;
  std::vector<std::string> vars;  // the loop variables ("Item" when a mode is given without)
  std::vector<std::string> items;
  Slice slice;
  // "" (the items are in `items`), "<" (the rest follow on the next lines of the
  // description), or the name of the file that holds them (queue ... from FILE).
  std::string itemsFile;

  bool isMatching() const { return mode >= ForeachMode::Matching; }
  // The number of items the slice selects (1 without a foreach mode), count not included.
  long long itemCount() const;
};

// Parses already-expanded queue arguments. The error is 23.9.6's "invalid Queue statement".
Result<QueueArgs> parseQueueArgs(std::string_view args);

// SubmitForeachArgs::split_item(): an item's fields for `vars` variables. Fields are separated
// by commas or whitespace, the last takes the rest of the line; if the item holds a \x1F, that
// alone separates fields. A row with fewer fields yields fewer values.
std::vector<std::string_view> splitItem(std::string_view item, size_t vars);

// is_queue_statement(): the arguments after a leading "queue" word, or nothing.
std::optional<std::string_view> queueStatementArgs(std::string_view line);

}  // namespace htcondor::submit

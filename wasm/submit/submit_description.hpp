// The submit description language of HTCondor 23.9.6, in two shapes:
//   SubmitDescription  what the Python bindings' htcondor.Submit offers: built from text (read up
//                      to the first queue statement) or from key/value pairs; dict-like access
//                      in Python's order, str(), expand(), getQArgs()/setQArgs(), itemdata(),
//                      and procs() for Submit.jobs().
//   SubmitFile         what condor_submit reads: the whole file, every queue statement with the
//                      definitions before it, errors at parse time with their line; procs()
//                      generates exactly the procs condor_submit would queue.
// Both hand the job-ad builder a ProcIterator (proc_iterator.hpp), a SubmitLookup for the
// current proc. Sans-IO: files, directory listings and command output come from the host.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/file_access.hpp"
#include "submit/proc_iterator.hpp"
#include "submit/queue_args.hpp"
#include "submit/submit_error.hpp"
#include "submit/submit_macros.hpp"
#include "submit/submit_reader.hpp"

namespace htcondor::submit {

struct SubmitOptions {
  config::Environment environment;  // for $ENV() and getenv
  config::FileAccess files;         // include files, "queue ... from FILE", "queue matching"
  std::string directory;            // the submit directory: relative names resolve against it
  std::string submitFile;           // condor_submit: the file name ($(SUBMIT_FILE), messages)
  SubmitDefaults defaults;          // ARCH, OPSYS, ...; submitFile is taken from above
  CommandRunner runCommand;         // for "include : command |"; none: such includes fail
};

// One entry of itemdata(): a string for a queue with no variable or only "Item", otherwise the
// fields by variable (only as many as the row has).
struct ItemData {
  bool isMap = false;
  std::string text;
  std::vector<std::pair<std::string, std::string>> fields;
};

struct ProcOptions {
  long long cluster = 1;
  long long firstProc = 0;
  int count = 0;  // Python's jobs(count=N): N procs per item instead of the queue statement's
  bool external = false;  // the items come from the caller (ProcIterator::feed)
};

// A parse-time error: 23.9.6's errmsg (what Python raises, possibly empty) with its line, and
// the error-stack text condor_submit prints after "ERROR: on Line N of submit file: <message>".
using DescriptionError = ReadError;

class SubmitDescription {
 public:
  explicit SubmitDescription(SubmitOptions options = {});

  // htcondor.Submit(text)
  static htcondor::Result<SubmitDescription, DescriptionError> fromText(std::string_view text, SubmitOptions options = {});
  // htcondor.Submit(dict): each key set as by __setitem__
  static SubmitDescription fromPairs(const std::vector<std::pair<std::string, std::string>>& pairs, SubmitOptions options = {});

  // __getitem__ / get(): the raw value ("+Foo" means "MY.Foo"), defaults included; nothing if
  // the name is not defined.
  std::optional<std::string> get(std::string_view key) const;
  void set(std::string_view key, std::string_view value);  // __setitem__
  bool erase(std::string_view key);                         // __delitem__; false: KeyError
  std::vector<std::string> keys() const;
  size_t size() const { return macros_.size(); }
  // str(sub): "name = value\n" per key, then "queue <args>" without a newline if there are args.
  std::string str() const;
  // expand(key): submit_param(); nothing where 23.9.6 returns NULL (undefined, or expands to ""),
  // which the bindings turn into a RuntimeError.
  Result<std::optional<std::string>> expand(std::string_view key) const;

  const std::string& getQArgs() const { return qargs_; }
  // setQArgs(): a leading "queue" word is dropped; changed arguments forget the inline items.
  Status setQArgs(std::string_view qline);
  // itemdata(qline): the items of the queue arguments (these, or the description's).
  Result<std::vector<ItemData>> itemdata(std::string_view qline = {}) const;

  // The queue arguments Submit.jobs() runs: the description's, or `options.count` procs (per
  // item of the caller's item data), with every item loaded.
  Result<QueueArgs> jobsQueueArgs(const ProcOptions& options = {}) const;
  // Submit.jobs(): the procs of the description's queue arguments, Python style.
  Result<ProcIterator> procs(const ProcOptions& options = {}) const;

  const SubmitMacros& macros() const { return macros_; }
  const SubmitOptions& options() const { return options_; }

 private:
  // parse_q_args() and load_items(): the arguments with every item loaded.
  // `parseFailure`, when given, replaces parse_q_args()'s message for arguments that do not parse.
  Result<QueueArgs> loadQueueArgs(std::string_view args, bool useRemainder, std::string_view parseFailure = {}) const;

  SubmitOptions options_;
  SubmitMacros macros_;
  std::string qargs_;
  std::string remainder_;  // the text after the queue statement, for its inline items
};

class SubmitFile {
 public:
  // Reads the whole file as condor_submit does; the first error stops it.
  static htcondor::Result<SubmitFile, DescriptionError> read(std::string_view text, SubmitOptions options = {});

  const std::vector<QueueSegment>& queues() const { return *segments_; }
  // The number of procs the queue statements make.
  long long procCount() const;
  ProcIterator procs(long long cluster = 1) const;
  // The definitions after the last queue statement are read too (as condor_submit does).
  const SubmitMacros& finalMacros() const { return final_; }

 private:
  SubmitFile(SubmitMacros base, SubmitMacros final, std::shared_ptr<const std::vector<QueueSegment>> segments)
      : base_(std::move(base)), final_(std::move(final)), segments_(std::move(segments)) {}
  SubmitMacros base_;
  SubmitMacros final_;
  std::shared_ptr<const std::vector<QueueSegment>> segments_;
};

// Loads the items a parsed queue statement names outside the description: an items file or the
// "matching" globs. Errors are 23.9.6's ("can't open file X: No such file or directory").
Status loadExternalItems(QueueArgs& args, const SubmitOptions& options);

}  // namespace htcondor::submit

// Internal to the job-ad builder: the state SubmitHash keeps while it makes one job ad, and the
// helpers its SetXxx steps share (submit_param, AssignJob*, paths, errors as abort_code).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classad/classad.hpp"
#include "submit/expr_cache.hpp"
#include "submit/submit_facts.hpp"
#include "submit/submit_lookup.hpp"

namespace htcondor::submit::detail {

// HTCondor's universe numbers.
enum Universe { kVanilla = 5, kScheduler = 7, kMpi = 8, kGrid = 9, kJava = 10, kParallel = 11, kLocal = 12, kVm = 13 };

struct JobAdState {
  JobAdState(const SubmitLookup& s, const SubmitFacts& f, classad::ClassAd& a, ExprCache& e) : sub(s), facts(f), ad(a), exprs(e) {}
  const SubmitLookup& sub;
  const SubmitFacts& facts;
  classad::ClassAd& ad;
  ExprCache& exprs;  // parsed expressions, shared by the submit's procs
  int cluster = 1;
  int proc = 0;

  int universe = 0;
  bool isDocker = false;
  bool isContainer = false;
  std::string gridType;
  std::string iwd;
  bool hasRequireResAttr = false;

  std::optional<std::string> error;  // the first error: make_job_ad's abort_code
  std::vector<std::string> warnings;

  bool failed() const { return error.has_value(); }
  void fail(std::string message) {
    if (!error) error = std::move(message);
  }
  void warn(std::string message) { warnings.push_back(std::move(message)); }

  // submit_param(name, alt): the first of the two names defined; a failing expansion is an error.
  std::optional<std::string> param(std::string_view name, std::string_view alt = {});
  std::string paramString(std::string_view name, std::string_view alt = {}) { return param(name, alt).value_or(""); }
  // submit_param_bool: `dflt` when not defined; an error when the value is not a boolean.
  bool paramBool(std::string_view name, std::string_view alt, bool dflt, bool* specified = nullptr);
  bool defined(std::string_view name) { return param(name).has_value(); }

  // AssignJobString / AssignJobVal / AssignJobExpr.
  void assignString(std::string_view attr, const std::string& value);
  void assignInt(std::string_view attr, int64_t value);
  void assignReal(std::string_view attr, double value);
  void assignBool(std::string_view attr, bool value);
  // Parsed in old ClassAd syntax; a parse error is "Parse error in expression: ...".
  bool assignExpr(std::string_view attr, const std::string& text);

  classad::ExprPtr lookup(std::string_view attr) const { return ad.lookup(attr); }
  std::optional<std::string> lookupString(std::string_view attr) const;
  std::optional<int64_t> lookupInt(std::string_view attr) const;
  std::optional<bool> lookupBool(std::string_view attr) const;

  // full_path(): relative names against the job's Iwd, or (useIwd false) the submit directory.
  std::string fullPath(const std::string& name, bool useIwd = true) const;
  // calc_image_size_kb(): KiB of a file (rounded up), 0 for URLs and missing files.
  int64_t imageSizeKb(const std::string& name) const;
};

// Helpers of the submit language's values.
std::string trim(std::string_view s);
std::string lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istartsWith(std::string_view s, std::string_view prefix);
// string_is_boolean_param.
bool stringIsBoolean(std::string_view s, bool& value);
// string_is_long_param: an integer literal or an expression that folds to one.
bool stringIsLong(std::string_view s, int64_t& value);
// parse_int64_bytes: a number with an optional K/M/G/T[B] unit, scaled to units of `base` bytes
// (rounded up); false for anything else. `unit` is the unit letter, 0 if none.
bool parseInt64Bytes(std::string_view s, int64_t& value, int64_t base, char* unit = nullptr);
// trim_and_strip_quotes_in_place.
std::string trimAndStripQuotes(std::string_view s);
// split(): items separated by commas and/or white space, trimmed, empty ones dropped.
std::vector<std::string> splitList(std::string_view s, std::string_view seps = ", \t\r\n");
std::string join(const std::vector<std::string>& items, std::string_view sep);
bool isUrl(std::string_view s);
// print_wrapped_text: words re-flowed to 78 columns, each followed by a space.
std::string wrapText(std::string_view text);
bool isLiteralNumber(const classad::ExprTree& expr, double& value);

// The steps of make_job_ad, in its order.
void setIwd(JobAdState& st);
void setUniverse(JobAdState& st);
void setExecutable(JobAdState& st);
void setArguments(JobAdState& st);
void setGridParams(JobAdState& st);
void setJavaVmArgs(JobAdState& st);
void setParallelParams(JobAdState& st);
void setEnvironment(JobAdState& st);
void setJobStatus(JobAdState& st);
void setStdFiles(JobAdState& st);
void setGsiCredentials(JobAdState& st);
void setNotification(JobAdState& st);
void setRank(JobAdState& st);
void setPeriodicExpressions(JobAdState& st);
void setLeaveInQueue(JobAdState& st);
void setJobRetries(JobAdState& st);
void setKillSig(JobAdState& st);
void setContainerSpecial(JobAdState& st);
void setRequestResources(JobAdState& st);
void setConcurrencyLimits(JobAdState& st);
void setAccountingGroup(JobAdState& st);
void setSimpleJobExprs(JobAdState& st);
void setJobDeferral(JobAdState& st);
void setImageSize(JobAdState& st);
void setTransferFiles(JobAdState& st);
void setAutoAttributes(JobAdState& st);
void reportCommonMistakes(JobAdState& st);
void setForcedAttributes(JobAdState& st);
void setResourceRequirements(JobAdState& st);
void setRequirements(JobAdState& st);

}  // namespace htcondor::submit::detail

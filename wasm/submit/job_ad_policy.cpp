// The job's life-cycle policy: hold at submit, notification, rank, periodic and on-exit
// expressions, retries, kill signals and deferral (SetJobStatus, SetNotification, SetRank,
// SetPeriodicExpressions, SetLeaveInQueue, SetJobRetries, SetKillSig, SetJobDeferral).
#include <cctype>
#include <climits>
#include <cstdlib>

#include "classad/unparse.hpp"
#include "submit/job_ad_state.hpp"
#include "submit/signal_names.hpp"

namespace htcondor::submit::detail {

namespace {

// check_expr_and_wrap_for_op: parenthesises `expr` when its top operator binds less tightly
// than `op` (|| or &&). False when it does not parse.
bool wrapForOp(ExprCache& exprs, std::string& expr, classad::Op op) {
  auto tree = exprs.parse(expr);
  if (!tree) return false;
  if (tree->kind() == classad::ExprTree::Kind::Operation) {
    auto top = static_cast<const classad::Operation&>(*tree).op();
    bool wrap = top == classad::Op::Ternary || (op == classad::Op::LogicalAnd && top == classad::Op::LogicalOr);
    if (wrap) expr = "(" + expr + ")";
  }
  return true;
}

}  // namespace

void setJobStatus(JobAdState& st) {
  bool hold = st.paramBool("hold", {}, false);
  if (st.failed()) return;
  if (hold) {
    st.assignInt("JobStatus", 5);
    st.assignInt("HoldReasonCode", 15);
    st.assignString("HoldReason", "submitted on hold at user's request");
  } else {
    st.assignInt("JobStatus", 1);
  }
  st.assignInt("EnteredCurrentStatus", st.facts.qdate);
}

void setNotification(JobAdState& st) {
  auto how = st.param("notification", "JobNotification");
  if (st.failed()) return;
  if (!how && !st.facts.jobDefaultNotification.empty()) how = st.facts.jobDefaultNotification;
  int n = 0;
  if (!how || iequals(*how, "never")) n = 0;
  else if (iequals(*how, "complete")) n = 2;
  else if (iequals(*how, "always")) n = 1;
  else if (iequals(*how, "error")) n = 3;
  else return st.fail("Notification must be 'Never', 'Always', 'Complete', or 'Error'");
  st.assignInt("JobNotification", n);
}

void setRank(JobAdState& st) {
  auto rank = st.param("rank", "preferences");
  if (st.failed()) return;
  std::string append = st.facts.appendRank;
  if (!rank && !st.facts.defaultRank.empty()) rank = st.facts.defaultRank;
  if (!append.empty()) rank = rank ? "(" + *rank + ") + (" + append + ")" : append;
  if (rank) st.assignExpr("Rank", *rank);
  else st.assignReal("Rank", 0.0);
}

void setPeriodicExpressions(JobAdState& st) {
  const bool defaults = st.facts.insertDefaultPolicyExprs;
  struct Cmd { std::string_view key; std::string_view attr; bool defaultFalse; };
  static const Cmd cmds[] = {
      {"periodic_hold", "PeriodicHold", true},          {"periodic_hold_reason", "PeriodicHoldReason", false},
      {"periodic_hold_subcode", "PeriodicHoldSubCode", false}, {"periodic_release", "PeriodicRelease", true},
      {"periodic_remove", "PeriodicRemove", true},      {"periodic_vacate", "PeriodicVacate", true},
      {"on_exit_hold_reason", "OnExitHoldReason", false}, {"on_exit_hold_subcode", "OnExitHoldSubCode", false},
  };
  for (const auto& c : cmds) {
    auto v = st.param(c.key, c.attr);
    if (st.failed()) return;
    if (v) st.assignExpr(c.attr, *v);
    else if (c.defaultFalse && defaults && !st.lookup(c.attr)) st.assignBool(c.attr, false);
    if (st.failed()) return;
  }
}

void setLeaveInQueue(JobAdState& st) {
  auto v = st.param("leave_in_queue", "LeaveJobInQueue");
  if (st.failed()) return;
  if (v) st.assignExpr("LeaveJobInQueue", *v);
  else if (!st.lookup("LeaveJobInQueue")) st.assignBool("LeaveJobInQueue", false);
}

void setJobRetries(JobAdState& st) {
  std::string erc = st.param("on_exit_remove", "OnExitRemove").value_or("");
  std::string ehc = st.param("on_exit_hold", "OnExitHold").value_or("");
  int64_t numRetries = -1, successCode = 0;
  bool numRetriesSpecified = false, enable = false, successSet = false;
  auto parseLong = [&](const char* key, const char* attr, int64_t& out) {
    auto v = st.param(key, attr);
    if (!v) return false;
    if (!stringIsLong(*v, out)) {
      st.fail(std::string(key) + "=" + *v + " is invalid, must eval to an integer.");
      return false;
    }
    return true;
  };
  if (parseLong("max_retries", "JobMaxRetries", numRetries)) enable = numRetriesSpecified = true;
  if (parseLong("success_exit_code", "JobSuccessExitCode", successCode)) enable = successSet = true;
  std::string retryUntil = st.param("retry_until").value_or("");
  if (!retryUntil.empty()) enable = true;
  if (st.failed()) return;
  if (!enable) {
    if (!erc.empty()) st.assignExpr("OnExitRemove", erc);
    else if (st.facts.insertDefaultPolicyExprs && !st.lookup("OnExitRemove")) st.assignBool("OnExitRemove", true);
    if (!ehc.empty()) st.assignExpr("OnExitHold", ehc);
    else if (st.facts.insertDefaultPolicyExprs && !st.lookup("OnExitHold")) st.assignBool("OnExitHold", false);
    return;
  }
  if (!retryUntil.empty()) {
    bool valid = st.exprs.parse(retryUntil) != nullptr;
    int64_t code = 0;
    std::string t = trim(retryUntil);
    bool isInt = !t.empty() && t.find_first_not_of("-+0123456789") == std::string::npos && stringIsLong(t, code);
    if (valid && isInt) {
      if (code < INT_MIN || code > INT_MAX) valid = false;
      else retryUntil = "ExitCode =?= " + std::to_string(code);
    } else if (valid) {
      wrapForOp(st.exprs, retryUntil, classad::Op::LogicalOr);
    }
    if (!valid) return st.fail("retry_until=" + retryUntil + " is invalid, it must be an integer or boolean expression.");
  }
  if (!numRetriesSpecified && !st.lookup("JobMaxRetries")) {
    numRetries = st.facts.defaultJobMaxRetries;
    numRetriesSpecified = true;
  }
  if (numRetriesSpecified) st.assignInt("JobMaxRetries", numRetries);
  if (!ehc.empty()) st.assignExpr("OnExitHold", ehc);
  else if (!st.lookup("OnExitHold")) st.assignBool("OnExitHold", false);
  if (st.failed()) return;
  if (st.lookup("OnExitRemove") && !successSet && retryUntil.empty()) return;
  std::string codeCheck;
  if (successSet) {
    st.assignInt("JobSuccessExitCode", successCode);
    codeCheck = "JobSuccessExitCode";
  } else {
    codeCheck = std::to_string(static_cast<int>(successCode));
  }
  if (!retryUntil.empty()) codeCheck += " || " + retryUntil;
  std::string onExitRemove = "NumJobCompletions > JobMaxRetries || ExitCode =?= " + codeCheck;
  if (!erc.empty()) {
    if (!wrapForOp(st.exprs, erc, classad::Op::LogicalOr)) return st.fail("on_exit_remove=" + erc + " is invalid, it must be a boolean expression.");
    onExitRemove += " || " + erc;
  }
  st.assignExpr("OnExitRemove", onExitRemove);
}

void setKillSig(JobAdState& st) {
  // fixupKillSigName: a number becomes its name, a name must be one (upper-cased); else an error.
  auto fixup = [&](std::optional<std::string> v) -> std::optional<std::string> {
    if (!v || st.failed()) return std::nullopt;
    const std::string s = trim(*v);
    const int number = std::atoi(s.c_str());
    std::optional<std::string_view> name = number ? signalName(number) : (signalNumber(s) ? std::optional<std::string_view>(s) : std::nullopt);
    if (!name) {
      st.fail("invalid signal " + *v);
      return std::nullopt;
    }
    std::string out(*name);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
  };
  auto sig = fixup(st.param("kill_sig", "KillSig"));
  if (!sig && st.universe != kVanilla) sig = "SIGTERM";
  if (sig) st.assignString("KillSig", *sig);
  if (auto rm = fixup(st.param("remove_kill_sig", "RemoveKillSig"))) st.assignString("RemoveKillSig", *rm);
  if (auto hold = fixup(st.param("hold_kill_sig", "HoldKillSig"))) st.assignString("HoldKillSig", *hold);
  if (auto timeout = st.param("kill_sig_timeout", "KillSigTimeout")) st.assignInt("KillSigTimeout", std::atoi(timeout->c_str()));
}

void setJobDeferral(JobAdState& st) {
  auto checkTime = [&](const std::string& attr, const std::string& value, const char* key) {
    if (!st.assignExpr(attr, value)) {
      st.error.reset();
      st.fail(std::string(key) + " = " + value + " is invalid, must eval to a non-negative integer.");
      return;
    }
    auto tree = st.lookup(attr);
    if (tree->kind() == classad::ExprTree::Kind::Literal) {
      const auto& v = static_cast<const classad::Literal&>(*tree).value();
      if (!v.isInteger() || v.asInteger() < 0) st.fail(std::string(key) + " = " + value + " is invalid, must eval to a non-negative integer.");
    }
  };
  if (auto t = st.param("deferral_time", "DeferralTime")) checkTime("DeferralTime", *t, "deferral_time");
  if (st.failed()) return;
  bool needs = false;
  for (const char* a : {"CronMinute", "CronHour", "CronDayOfMonth", "CronMonth", "CronDayOfWeek", "DeferralTime"})
    needs = needs || st.lookup(a) != nullptr;
  if (!needs) return;
  auto window = st.param("cron_window", "CronWindow");
  if (!window) window = st.param("deferral_window", "DeferralWindow");
  if (window) checkTime("DeferralWindow", *window, "deferral_window");
  else st.assignInt("DeferralWindow", 0);
  if (st.failed()) return;
  auto prep = st.param("cron_prep_time", "CronPrepTime");
  if (!prep) prep = st.param("deferral_prep_time", "DeferralPrepTime");
  if (prep) checkTime("DeferralPrepTime", *prep, "deferral_prep_time");
  else st.assignInt("DeferralPrepTime", 300);
}

}  // namespace htcondor::submit::detail

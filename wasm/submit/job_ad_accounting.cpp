// Accounting and limits (SetConcurrencyLimits, SetAccountingGroup): concurrency limits lower-cased
// and sorted; accounting_group / accounting_group_user / nice_user into AcctGroup,
// AcctGroupUser and AccountingGroup.
#include <algorithm>
#include <cctype>

#include "submit/job_ad_state.hpp"

namespace htcondor::submit::detail {

namespace {

// IsValidSubmitterName: no white space, no '@' beyond the first.
bool validSubmitterName(const std::string& name) {
  for (char c : name)
    if (std::isspace(static_cast<unsigned char>(c))) return false;
  return true;
}

// ParseConcurrencyLimit: name[:increment] with a word-like name and a number.
bool validLimit(const std::string& limit) {
  size_t colon = limit.find(':');
  std::string name = limit.substr(0, colon);
  if (name.empty()) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) return false;
  if (colon != std::string::npos) {
    std::string inc = limit.substr(colon + 1);
    char* end = nullptr;
    std::strtod(inc.c_str(), &end);
    if (inc.empty() || *end) return false;
  }
  return true;
}

}  // namespace

void setConcurrencyLimits(JobAdState& st) {
  std::string limits = st.paramString("concurrency_limits");
  std::string expr = st.paramString("concurrency_limits_expr");
  if (st.failed()) return;
  if (!limits.empty()) {
    if (!expr.empty()) return st.fail("concurrency_limits and concurrency_limits_expr can't be used together");
    auto list = splitList(lower(limits));
    for (const auto& l : list)
      if (!validLimit(l)) return st.fail("Invalid concurrency limit '" + l + "'");
    std::sort(list.begin(), list.end());
    std::string joined = join(list, ",");
    if (!joined.empty()) st.assignString("ConcurrencyLimits", joined);
  } else if (!expr.empty()) {
    st.assignExpr("ConcurrencyLimits", expr);
  }
}

void setAccountingGroup(JobAdState& st) {
  auto group = st.param("accounting_group", "AccountingGroup");
  bool nice = st.paramBool("nice_user", "NiceUser", false);
  if (st.failed()) return;
  if (nice) {
    if (!group) {
      if (!st.facts.niceUserAccountingGroup.empty()) group = st.facts.niceUserAccountingGroup;
    } else if (*group != st.facts.niceUserAccountingGroup) {
      st.warn("nice_user conflicts with accounting_group. nice_user will be ignored");
    }
    st.assignInt("MaxJobRetirementTime", 0);
  }
  auto gu = st.param("accounting_group_user", "AcctGroupUser");
  if (st.failed() || (!group && !gu)) return;
  std::string user = gu ? *gu : st.facts.user;
  if (group && !validSubmitterName(*group)) return st.fail("Invalid accounting_group: " + *group);
  if (!validSubmitterName(user)) return st.fail("Invalid accounting_group_user: " + user);
  st.assignString("AcctGroupUser", user);
  if (group) {
    st.assignString("AcctGroup", *group);
    st.assignString("AccountingGroup", *group + "." + user);
  } else {
    st.assignString("AccountingGroup", user);
  }
}

}  // namespace htcondor::submit::detail

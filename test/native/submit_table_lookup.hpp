// A SubmitLookup over a plain table of `key = value` lines, for the job-ad builder's tests before
// (and besides) the submit language: no macros, no queue statements, no conditionals.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "submit/submit_lookup.hpp"

namespace htcondor::submit::testing {

class TableLookup final : public SubmitLookup {
 public:
  TableLookup() = default;
  explicit TableLookup(const std::string& text) { parse(text); }

  // `key = value` lines up to a `queue` line; '#' lines and blank lines are skipped.
  void parse(const std::string& text) {
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      std::string line = trim(text.substr(pos, end - pos));
      pos = end + 1;
      if (line.empty() || line[0] == '#') continue;
      if (lower(line.substr(0, 5)) == "queue") break;
      size_t eq = line.find('=');
      if (eq == std::string::npos) continue;
      set(trim(line.substr(0, eq)), trim(line.substr(eq + 1)));
    }
  }
  void set(const std::string& key, const std::string& value) {
    if (!values_.count(lower(key))) order_.push_back(key);
    values_[lower(key)] = value;
  }

  Result<std::optional<std::string>> param(std::string_view name) const override {
    auto it = values_.find(lower(std::string(name)));
    if (it == values_.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }
  std::vector<std::string> names() const override { return order_; }

  static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  static std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
  }

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> order_;
};

}  // namespace htcondor::submit::testing

#include "transfer/output_remaps.hpp"

#include <cctype>
#include <utility>
#include <vector>

namespace htcondor::transfer {

namespace {

// HTCondor gives up after this many steps (MAX_REMAP_RECURSIONS).
constexpr int kMaxRemapSteps = 128;

using Rules = std::vector<std::pair<std::string, std::string>>;

// Reads up to `delim` (unescaped), trimming surrounding whitespace; tabs and newlines are
// dropped everywhere, as HTCondor strips them before parsing.
std::string field(std::string_view& in, char delim, bool& more) {
  std::string out;
  size_t kept = 0;  // length without trailing spaces
  more = false;
  while (!in.empty()) {
    char ch = in.front();
    in.remove_prefix(1);
    if (ch == '\t' || ch == '\n') continue;
    if (ch == '\\' && !in.empty() && in.front() == delim) {
      ch = delim;
      in.remove_prefix(1);
    } else if (ch == delim) {
      more = true;
      break;
    } else if (out.empty() && std::isspace(static_cast<unsigned char>(ch))) {
      continue;
    }
    out += ch;
    if (!std::isspace(static_cast<unsigned char>(ch))) kept = out.size();
  }
  out.resize(kept);
  return out;
}

Rules parse(std::string_view text) {
  Rules rules;
  for (bool more = true; more;) {
    std::string name = field(text, '=', more);
    if (!more) break;
    std::string target = field(text, ';', more);
    rules.emplace_back(std::move(name), std::move(target));
  }
  return rules;
}

Result<std::optional<std::string>, std::string> find(const Rules& rules, const std::string& name, int step) {
  if (step > kMaxRemapSteps) return failure("TransferOutputRemaps has a cycle at " + name);
  for (const auto& [from, to] : rules) {
    if (from != name) continue;
    auto further = find(rules, to, step + 1);
    if (!further) return further;
    return std::optional<std::string>(further->value_or(to));
  }
  const auto slash = name.rfind('/');
  if (slash == std::string::npos) return std::optional<std::string>();
  auto parent = find(rules, name.substr(0, slash), step + 1);
  if (!parent || !*parent) return parent;
  return std::optional<std::string>(**parent + name.substr(slash));
}

}  // namespace

Result<std::optional<std::string>, std::string> remapOutput(std::string_view rules, std::string_view name) {
  return find(parse(rules), std::string(name), 0);
}

}  // namespace htcondor::transfer

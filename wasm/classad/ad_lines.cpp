#include "classad/ad_lines.hpp"

#include <algorithm>

#include "classad/old_syntax.hpp"
#include "classad/parser.hpp"
#include "classad/tree_build.hpp"

namespace htcondor::classad {

ExprPtr AdLinesReader::tree(std::string_view text) {
  if (auto found = trees_.find(text); found != trees_.end()) return found->second;
  ExprPtr parsed = Parser(text, LexMode::Old).parseExpression(false);
  if (parsed && !holdsScope(*parsed)) trees_.emplace(text, parsed);
  return parsed;
}

std::shared_ptr<ClassAd> AdLinesReader::read(std::string_view lines) {
  auto ad = std::make_shared<ClassAd>();
  ad->reserve(static_cast<size_t>(std::count(lines.begin(), lines.end(), '\n')) + 1);
  while (!lines.empty()) {
    const size_t end = lines.find('\n');
    const std::string_view line = lines.substr(0, end);
    lines = end == std::string_view::npos ? std::string_view() : lines.substr(end + 1);
    const auto parts = splitLongFormLine(line);
    ExprPtr expr = parts ? tree(parts->expr) : nullptr;
    if (!expr) {
      error_ = "attribute line does not parse: " + std::string(line.substr(0, 80));
      return nullptr;
    }
    ad->insert(std::string(parts->name), std::move(expr));
  }
  return ad;
}

}  // namespace htcondor::classad

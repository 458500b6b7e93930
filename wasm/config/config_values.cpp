#include "config/config_values.hpp"

#include <string>

#include "classad/eval.hpp"
#include "classad/parser.hpp"
#include "config/config_text.hpp"

namespace htcondor::config {

std::optional<bool> parseBoolean(std::string_view text) {
  text = cString(text);
  std::optional<bool> literal;
  std::string_view rest;
  for (const auto& [word, value] : {std::pair{"true", true}, {"1", true}, {"false", false}, {"0", false}}) {
    if (startsWithIgnoreCase(text, word)) {
      literal = value;
      rest = text.substr(std::string_view(word).size());
      break;
    }
  }
  if (literal && trimStart(rest).empty()) return literal;
  auto tree = classad::parseExpression(text);
  if (!tree) return std::nullopt;
  auto value = classad::evaluateIn(*tree, nullptr);
  bool b = false;
  if (value && classad::booleanEquivalent(*value, b)) return b;
  return std::nullopt;
}

std::optional<bool> parseCruftyBoolean(std::string_view text) {
  if (!text.empty() && toLower(text.front()) == 't') return true;
  if (!text.empty() && toLower(text.front()) == 'f') return false;
  return parseBoolean(text);
}

}  // namespace htcondor::config

#include "config/config_text.hpp"

#include <algorithm>

namespace htcondor::config {

bool isValidName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), isNameChar);
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (toLower(a[i]) != toLower(b[i])) return false;
  return true;
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && equalsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

std::string lowerCase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = toLower(c);
  return out;
}

std::string_view trimStart(std::string_view text) {
  size_t b = 0;
  while (b < text.size() && isSpace(text[b])) ++b;
  return text.substr(b);
}

std::string_view trimEnd(std::string_view text) {
  size_t e = text.size();
  while (e > 0 && isSpace(text[e - 1])) --e;
  return text.substr(0, e);
}

std::string_view trim(std::string_view text) { return trimEnd(trimStart(text)); }

std::vector<std::string> splitList(std::string_view text, std::string_view delims) {
  std::vector<std::string> out;
  text = cString(text);
  size_t i = 0;
  while (i < text.size()) {
    if (delims.find(text[i]) != std::string_view::npos || isSpace(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && delims.find(text[j]) == std::string_view::npos) ++j;
    out.emplace_back(trimEnd(text.substr(i, j - i)));
    i = j;
  }
  return out;
}

std::string_view cString(std::string_view text) {
  const size_t nul = text.find('\0');
  return nul == std::string_view::npos ? text : text.substr(0, nul);
}

std::string dirName(std::string_view path) {
  path = cString(path);
  const size_t slash = path.find_last_of("/\\");
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return std::string(path.substr(0, 1));
  return std::string(path.substr(0, slash));
}

bool isFullPath(std::string_view path) {
  if (!path.empty() && (path[0] == '/' || path[0] == '\\')) return true;
  return path.size() >= 3 && isAlpha(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/');
}

}  // namespace htcondor::config

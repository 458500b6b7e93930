// Character classes and list splitting as HTCondor's configuration code sees text: C-locale
// isspace(), parameter-name characters, and StringTokenIterator's trimmed comma/space lists.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace htcondor::config {

constexpr bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool isAlnum(char c) { return isAlpha(c) || isDigit(c); }
constexpr char toLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Characters of a parameter name: letters, digits and "_./" (condor_isidchar).
constexpr bool isNameChar(char c) { return isAlnum(c) || c == '_' || c == '.' || c == '/'; }
bool isValidName(std::string_view name);

bool equalsIgnoreCase(std::string_view a, std::string_view b);
bool startsWithIgnoreCase(std::string_view text, std::string_view prefix);
std::string lowerCase(std::string_view text);

std::string_view trim(std::string_view text);
std::string_view trimEnd(std::string_view text);
std::string_view trimStart(std::string_view text);

// StringTokenIterator with trimming: tokens between any of `delims`, whitespace trimmed, empty
// tokens dropped. The default delimiters are HTCondor's list separators.
std::vector<std::string> splitList(std::string_view text, std::string_view delims = ", \t\r\n");

// Everything up to the first NUL: HTCondor holds values as C strings.
std::string_view cString(std::string_view text);

// condor_dirname(): "." without a path separator ('/' or '\\'), "/" for a file in the root.
std::string dirName(std::string_view path);
// fullpath(): starts with '/' or '\\', or a drive letter, ':' and a separator.
bool isFullPath(std::string_view path);

}  // namespace htcondor::config

// ArgList and Env string syntaxes, as condor_arglist.cpp and env.cpp define them.
#include "submit/arg_list.hpp"

#include <cctype>
#include <cstring>

namespace htcondor::submit {

namespace {
void addError(std::string& buffer, const std::string& msg) {
  if (!buffer.empty()) buffer += "\n";
  buffer += msg;
}
bool isWs(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
}  // namespace

bool isV2Quoted(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return i < s.size() && s[i] == '"';
}

bool v2QuotedToRaw(std::string_view s, std::string& raw, std::string& error) {
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  ++i;  // the opening quote
  bool terminated = false;
  size_t quoteAt = 0;
  while (i < s.size()) {
    if (s[i] == '"') {
      if (i + 1 < s.size() && s[i + 1] == '"') {
        raw += '"';
        i += 2;
      } else {
        terminated = true;
        quoteAt = i;
        ++i;
        break;
      }
    } else {
      raw += s[i++];
    }
  }
  if (!terminated) {
    addError(error, "Unterminated double-quote.");
    return false;
  }
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  if (i < s.size()) {
    addError(error, "Unexpected characters following double-quote.  Did you forget to escape the double-quote by repeating it?  Here is the quote and trailing characters: " +
                        std::string(s.substr(quoteAt)) + "\n");
    return false;
  }
  return true;
}

bool splitArgsV2(std::string_view s, std::vector<std::string>& out, std::string& error) {
  std::string buf;
  bool token = false;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\'') {
      size_t quote = i++;
      token = true;
      bool closed = false;
      while (i < s.size()) {
        if (s[i] == '\'') {
          if (i + 1 < s.size() && s[i + 1] == '\'') {
            buf += '\'';
            i += 2;
          } else {
            closed = true;
            break;
          }
        } else {
          buf += s[i++];
        }
      }
      if (!closed) {
        addError(error, "Unbalanced quote starting here: " + std::string(s.substr(quote)));
        return false;
      }
      ++i;
    } else if (isWs(c)) {
      ++i;
      if (token) {
        out.push_back(buf);
        buf.clear();
        token = false;
      }
    } else {
      token = true;
      buf += c;
      ++i;
    }
  }
  if (token) out.push_back(buf);
  return true;
}

std::string joinArgsV2(const std::vector<std::string>& args) {
  std::string result;
  for (const auto& arg : args) {
    if (!result.empty()) result += ' ';
    if (arg.empty()) result += "''";
    for (char c : arg) {
      if (isWs(c) || c == '\'') {
        // Joins a quoted run with the one before it rather than repeating the quote.
        if (!result.empty() && result.back() == '\'') result.pop_back();
        else result += '\'';
        if (c == '\'') result += '\'';
        result += c;
        result += '\'';
      } else {
        result += c;
      }
    }
  }
  return result;
}

bool ArgList::appendV2Quoted(std::string_view s, std::string& error) {
  if (!isV2Quoted(s)) {
    addError(error, "Expecting double-quoted input string (V2 format).");
    return false;
  }
  std::string raw;
  if (!v2QuotedToRaw(s, raw, error)) return false;
  return splitArgsV2(raw, args, error);
}

bool ArgList::appendV1WackedOrV2Quoted(std::string_view s, std::string& error) {
  if (isV2Quoted(s)) return appendV2Quoted(s, error);
  // V1 "wacked": \" is a literal quote, a bare quote is an error.
  std::string raw;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') {
      addError(error, "Found illegal unescaped double-quote: " + std::string(s.substr(i)));
      return false;
    }
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '"') {
      raw += '"';
      ++i;
    } else {
      raw += s[i];
    }
  }
  inputWasV1 = true;
  std::string buf;
  bool token = false;
  for (char c : raw) {
    if (isWs(c)) {
      if (token) args.push_back(buf), buf.clear(), token = false;
    } else {
      token = true;
      buf += c;
    }
  }
  if (token) args.push_back(buf);
  return true;
}

bool ArgList::v1Raw(std::string& out, std::string& error) const {
  for (const auto& arg : args) {
    if (arg.find_first_of(" \t\r\n") != std::string::npos) {
      error = "Cannot represent '" + arg + "' in V1 arguments syntax.";
      return false;
    }
    if (!out.empty()) out += ' ';
    out += arg;
  }
  return true;
}

bool Environment::setFromNameValue(const std::string& expr, std::string& error) {
  if (expr.empty()) return false;
  size_t eq = expr.find('=');
  if (eq == std::string::npos && expr.find("$$") != std::string::npos) {
    vars[expr] = "\x01\x02\x03\x04\x05\x06";  // NO_ENVIRONMENT_VALUE
    return true;
  }
  if (eq == std::string::npos) {
    addError(error, "ERROR: Missing '=' after environment variable '" + expr + "'.");
    return false;
  }
  if (eq == 0) {
    addError(error, "ERROR: missing variable in '" + expr + "'.");
    return false;
  }
  vars[expr.substr(0, eq)] = expr.substr(eq + 1);
  return true;
}

bool Environment::mergeV2Raw(std::string_view s, std::string& error) {
  std::vector<std::string> entries;
  if (!splitArgsV2(s, entries, error)) return false;
  for (const auto& e : entries)
    if (!setFromNameValue(e, error)) return false;
  return true;
}

bool Environment::mergeV2Quoted(std::string_view s, std::string& error) {
  if (!isV2Quoted(s)) {
    addError(error, "Expecting a double-quoted environment string (V2 format).");
    return false;
  }
  std::string raw, msg;
  if (!v2QuotedToRaw(s, raw, msg)) {
    if (!msg.empty()) addError(error, msg);
    return false;
  }
  return mergeV2Raw(raw, error);
}

bool Environment::mergeV1AutoDelim(std::string_view s, std::string& error) {
  if (s.empty()) return true;
  char delim = ';';
  if (s[0] == delim) {
    s.remove_prefix(1);
  } else if (std::strchr("!#$%&*+,-/:;<>?@^`|~\x1F", s[0]) != nullptr) {
    delim = s[0];
    s.remove_prefix(1);
  }
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && isWs(s[i])) ++i;
    std::string entry;
    while (i < s.size()) {
      if (s[i] == '\n' || s[i] == delim) {
        ++i;
        break;
      }
      entry += s[i++];
    }
    if (!entry.empty() && !setFromNameValue(entry, error)) return false;
  }
  return true;
}

bool Environment::mergeV1RawOrV2Quoted(std::string_view s, std::string& error) {
  return isV2Quoted(s) ? mergeV2Quoted(s, error) : mergeV1AutoDelim(s, error);
}

std::string Environment::v2Raw() const {
  std::vector<std::string> entries;
  for (const auto& [name, value] : vars) entries.push_back(value == "\x01\x02\x03\x04\x05\x06" ? name : name + "=" + value);
  return joinArgsV2(entries);
}

bool Environment::v1Raw(std::string& out, std::string& error) const {
  for (const auto& [name, value] : vars) {
    if (name.find_first_of(";\n") != std::string::npos || value.find_first_of(";\n") != std::string::npos) {
      error = "Environment entry is not compatible with V1 syntax: " + name + "=" + value;
      return false;
    }
    if (!out.empty()) out += ';';
    out += name;
    if (value != "\x01\x02\x03\x04\x05\x06") out += "=" + value;
  }
  return true;
}

}  // namespace htcondor::submit

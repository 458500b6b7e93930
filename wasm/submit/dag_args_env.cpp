#include "submit/dag_args_env.hpp"

#include "config/config_text.hpp"

namespace htcondor::submit::dag {
namespace {

using config::isSpace;

// Env's placeholder value for a "$$(...)" entry without '=': written back as the bare name.
constexpr std::string_view kNoValue = "\x01\x02\x03\x04\x05\x06";

void appendArg(std::string_view arg, std::string& out) {
  if (!out.empty()) out += ' ';
  if (arg.empty()) out += "''";
  for (char c : arg) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\'') {
      // Merge with a quoted section just closed rather than starting another.
      if (!out.empty() && out.back() == '\'') {
        out.pop_back();
      } else {
        out += '\'';
      }
      if (c == '\'') out += '\'';
      out += c;
      out += '\'';
    } else {
      out += c;
    }
  }
}

std::string doubled(std::string_view text, char quote) {
  std::string out;
  for (char c : text) {
    if (c == quote) out += quote;
    out += c;
  }
  return out;
}

void addError(std::string_view msg, std::string& error) {
  if (!error.empty()) error += '\n';
  error += msg;
}

// split_args(): V2 raw words, '...' quoting with '' for a quote.
bool splitArgs(std::string_view text, std::vector<std::string>& out, std::string& error) {
  std::string buf;
  bool inToken = false;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\'') {
      size_t quote = i++;
      inToken = true;
      for (;;) {
        if (i >= text.size()) {
          error = "Unbalanced quote starting here: " + std::string(text.substr(quote));
          return false;
        }
        if (text[i] == '\'') {
          if (i + 1 < text.size() && text[i + 1] == '\'') {
            buf += '\'';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        buf += text[i++];
      }
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      if (inToken) {
        out.push_back(std::move(buf));
        buf.clear();
        inToken = false;
      }
    } else {
      inToken = true;
      buf += c;
      ++i;
    }
  }
  if (inToken) out.push_back(std::move(buf));
  return true;
}

bool isPermittedDelim(char c) { return std::string_view("!#$%&*+,-/:;<>?@^`|~\x1F").find(c) != std::string_view::npos; }

}  // namespace

std::string joinArgs(const std::vector<std::string>& args) {
  std::string out;
  for (const auto& arg : args) appendArg(arg, out);
  return out;
}

std::string argsV1WackedOrV2Quoted(const std::vector<std::string>& args) {
  bool v1Safe = true;
  std::string v1;
  for (const auto& arg : args) {
    if (arg.find_first_of(" \t\r\n") != std::string::npos) v1Safe = false;
    if (!v1.empty()) v1 += ' ';
    v1 += arg;
  }
  if (v1Safe) {
    std::string out;
    for (char c : v1) {
      if (c == '"') out += '\\';
      out += c;
    }
    return out;
  }
  return "\"" + doubled(joinArgs(args), '"') + "\"";
}

bool Environment::set(const std::string& name, const std::string& value) {
  if (name.empty()) return false;
  table_[name] = value;
  return true;
}

void Environment::import(const std::vector<std::string>& environ,
                         const std::function<bool(const std::string&, const std::string&)>& filter) {
  for (const auto& entry : environ) {
    size_t eq = entry.find('=');
    if (eq == 0 || eq == std::string::npos) continue;
    std::string name = entry.substr(0, eq);
    if (has(name)) continue;
    std::string value = entry.substr(eq + 1);
    if (filter(name, value)) set(name, value);
  }
}

// SetEnvWithErrorMessage(): "NAME=value"; a "$$" entry without '=' kept verbatim.
bool Environment::setFromExpression(const std::string& expr, std::string* error) {
  if (expr.empty()) return false;
  size_t eq = expr.find('=');
  if (eq == std::string::npos && expr.find("$$") != std::string::npos) {
    set(expr, std::string(kNoValue));
    return true;
  }
  if (eq == 0 || eq == std::string::npos) {
    if (error) {
      addError(eq == std::string::npos ? "ERROR: Missing '=' after environment variable '" + expr + "'."
                                       : "ERROR: missing variable in '" + expr + "'.",
               *error);
    }
    return false;
  }
  return set(expr.substr(0, eq), expr.substr(eq + 1));
}

bool Environment::mergeV1RawOrV2Quoted(std::string_view text, std::string& error) {
  size_t start = 0;
  while (start < text.size() && isSpace(text[start])) ++start;
  if (start < text.size() && text[start] == '"') {
    // V2 quoted: "..." with "" for a quote, only whitespace after it.
    std::string raw;
    size_t i = start + 1;
    bool closed = false;
    while (i < text.size()) {
      if (text[i] == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          raw += '"';
          i += 2;
          continue;
        }
        closed = true;
        break;
      }
      raw += text[i++];
    }
    if (!closed) {
      addError("Unterminated double-quote.", error);
      return false;
    }
    size_t quote = i++;
    while (i < text.size() && isSpace(text[i])) ++i;
    if (i < text.size()) {
      addError("Unexpected characters following double-quote.  Did you forget to escape the double-quote by "
               "repeating it?  Here is the quote and trailing characters: " +
                   std::string(text.substr(quote)) + "\n",
               error);
      return false;
    }
    std::vector<std::string> words;
    if (!splitArgs(raw, words, error)) return false;
    for (const auto& word : words) {
      if (!setFromExpression(word, &error)) return false;
    }
    return true;
  }
  // V1: ';'-separated (a leading permitted delimiter character chooses another); '\n' also
  // separates, leading whitespace of an entry is dropped.
  if (text.empty()) return true;
  char delim = ';';
  size_t i = 0;
  if (text[0] == delim) {
    i = 1;
  } else if (isPermittedDelim(text[0])) {
    delim = text[0];
    i = 1;
  }
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    std::string entry;
    while (i < text.size()) {
      char c = text[i++];
      if (c == '\n' || c == delim) break;
      entry += c;
    }
    // A C string: a NUL ends the entry's text.
    entry = std::string(config::cString(entry));
    if (!entry.empty() && !setFromExpression(entry, &error)) return false;
  }
  return true;
}

std::string Environment::v2Quoted() const {
  std::vector<std::string> entries;
  for (const auto& [name, value] : table_) {
    entries.push_back(value == kNoValue ? name : name + "=" + value);
  }
  return "\"" + doubled(joinArgs(entries), '"') + "\"";
}

}  // namespace htcondor::submit::dag

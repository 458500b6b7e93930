// HTCondor's environment and argument-string functions: envV1ToV2, mergeEnvironment,
// listToArgs, argsToList. The V1 and V2 syntaxes are those of HTCondor's Env and ArgList:
//   V1 environment: NAME=value entries separated by ';' (or by a leading delimiter character);
//   V2 (arguments and environment): white-space separated words, 'single quotes' group, and ''
//   inside quotes is a literal quote.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "classad/function_support.hpp"

namespace htcondor::classad {

namespace {

bool isArgSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// V2 words of `text`; false on an unbalanced quote.
bool splitArgsV2(std::string_view text, std::vector<std::string>& out) {
  text = cString(text);
  std::string word;
  bool inWord = false;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\'') {
      inWord = true;
      ++i;
      while (true) {
        if (i >= text.size()) return false;
        if (text[i] == '\'') {
          if (i + 1 < text.size() && text[i + 1] == '\'') {
            word += '\'';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        word += text[i++];
      }
    } else if (isArgSpace(c)) {
      ++i;
      if (inWord) out.push_back(std::move(word));
      word.clear();
      inWord = false;
    } else {
      inWord = true;
      word += c;
      ++i;
    }
  }
  if (inWord) out.push_back(std::move(word));
  return true;
}

// Appends one word in V2 syntax, quoting white space and quotes (a quoted run continues the
// previous one rather than starting a new pair of quotes).
void appendArgV2(std::string_view arg, std::string& out) {
  arg = cString(arg);
  if (!out.empty()) out += ' ';
  if (arg.empty()) out += "''";
  for (const char c : arg) {
    if (!isArgSpace(c) && c != '\'') {
      out += c;
      continue;
    }
    if (!out.empty() && out.back() == '\'') out.pop_back();
    else out += '\'';
    if (c == '\'') out += '\'';
    out += c;
    out += '\'';
  }
}

std::string joinArgsV2(const std::vector<std::string>& args) {
  std::string out;
  for (const std::string& a : args) appendArgV2(a, out);
  return out;
}

// An environment: names to values, sorted by name as HTCondor's std::map is.
class Environment {
 public:
  // One NAME=value entry (or a bare name holding an unexpanded $$() macro); false if malformed.
  bool set(std::string_view entry) {
    if (entry.empty()) return false;
    const size_t eq = entry.find('=');
    if (eq == std::string_view::npos && entry.find("$$") != std::string_view::npos) {
      vars_[std::string(entry)] = kNoValue;
      return true;
    }
    if (eq == std::string_view::npos || eq == 0) return false;
    vars_[std::string(entry.substr(0, eq))] = std::string(entry.substr(eq + 1));
    return true;
  }

  bool mergeV1(std::string_view text) {
    text = cString(text);
    if (text.empty()) return true;
    char delim = ';';
    if (text[0] == delim) {
      text.remove_prefix(1);
    } else if (std::string_view("!#$%&*+,-/:;<>?@^`|~\x1F").find(text[0]) != std::string_view::npos) {
      delim = text[0];  // a leading delimiter character names the delimiter
      text.remove_prefix(1);
    }
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && isArgSpace(text[i])) ++i;
      std::string entry;
      while (i < text.size()) {
        const char c = text[i++];
        if (c == '\n' || c == delim) break;
        entry += c;
      }
      if (!entry.empty() && !set(entry)) return false;
    }
    return true;
  }

  bool mergeV2(std::string_view text) {
    std::vector<std::string> entries;
    if (!splitArgsV2(text, entries)) return false;
    for (const std::string& e : entries) {
      if (!set(e)) return false;
    }
    return true;
  }

  std::string textV2() const {
    std::vector<std::string> entries;
    for (const auto& [name, value] : vars_) entries.push_back(value == kNoValue ? name : name + "=" + value);
    return joinArgsV2(entries);
  }

 private:
  static constexpr const char* kNoValue = "\x01\x02\x03\x04\x05\x06";  // HTCondor's marker
  std::map<std::string, std::string> vars_;
};

bool envV1ToV2(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value v;
  if (auto done = evalSoleArg(args, state, v, result)) return *done;
  // Undefined stays undefined: envV1ToV2(Env) merges whether or not Env is set.
  if (v.isUndefined()) return undefinedResult(result);
  Environment env;
  result = v.isString() && env.mergeV1(v.asString()) ? Value::string(env.textV2()) : Value::error();
  return true;
}

bool mergeEnvironment(std::string_view, const Args& args, EvalState& state, Value& result) {
  Environment env;
  for (size_t i = 0; i < args.size(); ++i) {
    Value v;
    if (!evalArg(args, i, state, v)) return failResult(result);
    if (v.isUndefined()) continue;  // an environment that was never set merges as nothing
    if (!v.isString() || !env.mergeV2(v.asString())) return errorResult(result);
  }
  result = Value::string(env.textV2());
  return true;
}

// The optional syntax version (1 or 2) of listToArgs and argsToList, from args[1] (evaluated
// first), and the first argument into `first`. nullopt when both are read, else what the
// function returns.
std::optional<bool> versionAndArg(const Args& args, EvalState& state, Value& result, int& version, Value& first) {
  version = 2;
  if (args.size() != 1 && args.size() != 2) return errorResult(result);
  if (args.size() == 2) {
    Value v;
    if (!evalArg(args, 1, state, v)) return failResult(result);
    if (!v.isInteger()) return errorResult(result);
    version = static_cast<int32_t>(static_cast<uint32_t>(v.asInteger()));  // read as a C int
    if (version != 1 && version != 2) return errorResult(result);
  }
  if (!evalArg(args, 0, state, first)) return failResult(result);
  return std::nullopt;
}

bool listToArgs(std::string_view, const Args& args, EvalState& state, Value& result) {
  int version = 2;
  Value v;
  if (auto done = versionAndArg(args, state, result, version, v)) return *done;
  if (!v.isList()) return errorResult(result);
  std::vector<std::string> words;
  for (const ExprPtr& item : v.asList()->items()) {
    Value w;
    if (!evaluate(*item, state, w)) return failResult(result);
    if (!w.isString()) return errorResult(result);
    words.emplace_back(cString(w.asString()));
  }
  if (version == 2) {
    result = Value::string(joinArgsV2(words));
    return true;
  }
  std::string text;  // V1: words joined by spaces, and none may hold white space
  for (const std::string& w : words) {
    if (w.find_first_of(" \t\r\n") != std::string::npos) return errorResult(result);
    if (!text.empty()) text += ' ';
    text += w;
  }
  result = Value::string(text);
  return true;
}

bool argsToList(std::string_view, const Args& args, EvalState& state, Value& result) {
  int version = 2;
  Value v;
  if (auto done = versionAndArg(args, state, result, version, v)) return *done;
  if (!v.isString()) return errorResult(result);
  std::vector<std::string> words;
  if (version == 1) {
    // V1 as read when the platform is unknown: words separated by white space, no quoting.
    std::string word;
    for (const char c : cString(v.asString())) {
      if (!isArgSpace(c)) {
        word += c;
      } else if (!word.empty()) {
        words.push_back(std::move(word));
        word.clear();
      }
    }
    if (!word.empty()) words.push_back(std::move(word));
  } else if (!splitArgsV2(v.asString(), words)) {
    return errorResult(result);
  }
  result = stringListValue(std::move(words));
  return true;
}

}  // namespace

void registerEnvironmentFunctions(Registry& r) {
  r.emplace("envV1ToV2", envV1ToV2);
  r.emplace("mergeEnvironment", mergeEnvironment);
  r.emplace("listToArgs", listToArgs);
  r.emplace("argsToList", argsToList);
}

}  // namespace htcondor::classad

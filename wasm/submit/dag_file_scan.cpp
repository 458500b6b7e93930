#include "submit/dag_file_scan.hpp"

#include "config/config_lexer.hpp"
#include "config/config_text.hpp"

namespace htcondor::submit::dag {
namespace {

using config::equalsIgnoreCase;
using config::isSpace;

// StringTokenIterator over " \t\r" with trimming: the next word and what follows it.
struct Words {
  std::string_view text;
  size_t pos = 0;

  static bool isDelim(char c) { return c == ' ' || c == '\t' || c == '\r' || isSpace(c); }
  std::string_view next() {
    while (pos < text.size() && isDelim(text[pos])) ++pos;
    size_t start = pos;
    while (pos < text.size() && !isDelim(text[pos])) ++pos;
    return text.substr(start, pos - start);
  }
  // remain() with the leading whitespace skipped, as processDagCommands() does.
  std::string_view rest() const {
    size_t i = pos;
    while (i < text.size() && isSpace(text[i])) ++i;
    return text.substr(i);
  }
};

}  // namespace

DagFileCommands scanDagFile(std::string_view text) {
  DagFileCommands found;
  config::ConfigLexer lexer(text);
  while (auto line = lexer.next(config::CommentRules::New)) {
    // A C string: the line ends at a NUL byte.
    Words words{config::cString(line->text)};
    std::string_view cmd = words.next();
    if (cmd.empty()) continue;
    if (equalsIgnoreCase(cmd, "CONFIG")) {
      std::string_view value = words.rest();
      if (value.empty()) {
        found.errors.push_back("Improperly-formatted file: value missing after keyword CONFIG");
      } else {
        found.configFiles.emplace_back(value);
      }
    } else if (equalsIgnoreCase(cmd, "SET_JOB_ATTR")) {
      std::string_view value = words.rest();
      if (value.empty()) {
        found.errors.push_back("Improperly-formatted file: value missing after keyword SET_JOB_ATTR");
      } else {
        found.attrLines.emplace_back(value);
      }
    } else if (equalsIgnoreCase(cmd, "ENV")) {
      // 23.9.6 crashes on "ENV" alone; here that is a missing sub-command.
      std::string_view type = words.next();
      std::string_view value = words.rest();
      if (equalsIgnoreCase(type, "GET")) {
        if (value.empty()) {
          found.errors.push_back("Improperly-formatted file: environment variables missing after ENV GET");
        } else {
          std::string names;
          for (const auto& name : config::splitList(value)) {
            if (!names.empty()) names += ',';
            names += name;
          }
          // An empty list sets nothing (DagmanOptions refuses an empty value).
          if (!names.empty()) found.getFromEnv.push_back(std::move(names));
        }
      } else if (equalsIgnoreCase(type, "SET")) {
        if (value.empty()) {
          found.errors.push_back("Improperly-formatted file: environment variables missing after ENV SET");
        } else {
          found.addToEnv.emplace_back(config::trim(value));
        }
      } else {
        found.errors.push_back("Improperly-formatted file: sub-command (SET or GET) missing after keyword ENV");
      }
    }
  }
  return found;
}

}  // namespace htcondor::submit::dag

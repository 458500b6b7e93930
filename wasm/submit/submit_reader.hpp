// Reads a submit description statement by statement, as condor_submit does with Parse_macros()
// in its submit flavour and SubmitHash::parse_up_to_q_line() (config.cpp, submit_utils.cpp):
//   NAME = value       stored unexpanded, except references to NAME itself; NAME may use $(...)
//   +Attr = value      stored as "MY.Attr"; "-Attr =" stores "MY.Attr" empty
//   NAME @=tag ... @tag  a multi-line value
//   include : file, include : command |   (a command's output comes from the host, if at all)
//   if / elif / else / endif with the simple conditions of config/if_condition.hpp
//   error : text, warning : text
//   queue ...          ends a run of statements (next() returns it); any other line without
//                      '=' is an error ("invalid queue statement.")
// Lines are trimmed and joined by a trailing '\', comments start a line with '#'; CRLF ends
// are whitespace. Sans-IO: included files come through FileAccess.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "config/config_lexer.hpp"
#include "config/file_access.hpp"
#include "config/if_stack.hpp"
#include "submit/queue_args.hpp"
#include "submit/submit_macros.hpp"

namespace htcondor::submit {

// Runs "include : command |" commands for the host, returning their output; nothing if it
// cannot (then such an include is an error).
using CommandRunner = std::function<std::optional<std::string>(const std::string& command)>;

struct ReaderOptions {
  const config::FileAccess* files = nullptr;
  std::string directory;   // relative include and item file names are resolved against it
  std::string sourceName;  // the description's file name, for messages ("job.sub")
  CommandRunner runCommand;
};

struct QueueStatement {
  std::string args;  // the text after "queue", unexpanded
  int line = 0;
};

// Errors carry 23.9.6's errmsg as `message` (what Python raises; may be empty) and the line of
// the description it arose on; `detail` holds the error-stack line condor_submit prints after it.
struct ReadError {
  SubmitError error;
  std::string detail;
};

class SubmitReader {
 public:
  SubmitReader(std::string_view text, SubmitMacros& macros, const ReaderOptions& options, int depth = 0);

  // Reads up to the next queue statement: that statement, or nothing at the end of the text.
  htcondor::Result<std::optional<QueueStatement>, ReadError> next();

  // load_inline_q_foreach_items(): the items of a "(" list that did not close on the queue
  // line, one line at a time up to a line starting with ')'.
  htcondor::Status<ReadError> readInlineItems(QueueArgs& args, int queueLine);

  // The text not read yet (what the Python bindings keep after the first queue statement).
  std::string_view remainder() const { return text_.substr(lexer_.position()); }
  int line() const { return lexer_.line(); }

  // Resolves a relative path against the description's directory.
  static std::string resolvePath(const std::string& directory, const std::string& path);

 private:
  htcondor::Status<ReadError> fail(std::string message, std::string detail = {}) const;
  std::string detailAt(const std::string& what) const;
  htcondor::Result<bool, ReadError> statement(std::string_view line);  // true: a queue statement
  htcondor::Status<ReadError> include(std::string_view words, std::string_view target);

  std::string_view text_;
  SubmitMacros& macros_;
  const ReaderOptions& options_;
  int depth_;
  config::ConfigLexer lexer_;
  config::IfStack ifs_;
  std::string hereName_, hereTag_, hereData_;
  int line_ = 0;
  std::optional<QueueStatement> queue_;
};

}  // namespace htcondor::submit

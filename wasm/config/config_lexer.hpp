// The logical lines of a configuration source, as HTCondor's config getline reads them:
// whitespace trimmed at both ends of each physical line, a trailing '\' joining the next line,
// and the two comment rules for '#' lines inside a continuation:
//   new (the default): a '#' line never continues, and a '#' line inside a continuation is
//       dropped (only its last character, normally the '\' that continues further, is kept);
//   old (after "#opt:oldcomment"): '#' lines take part in continuations like any other.
// HTCondor quirks kept on purpose: a last line without a newline is taken raw (untrimmed, no
// continuation), and a NUL byte ends its physical line without ending the logical one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace htcondor::config {

enum class CommentRules { New, Old };

struct LogicalLine {
  std::string text;
  int line = 0;  // the physical line it ends on, counting from 1
};

class ConfigLexer {
 public:
  explicit ConfigLexer(std::string_view text) : text_(text) {}

  // The next logical line, or nothing at the end of the text.
  std::optional<LogicalLine> next(CommentRules rules);
  // Physical lines read so far.
  int line() const { return line_; }
  // Where the next physical line starts in the text.
  size_t position() const { return pos_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 0;
};

// How Parse_macros splits a statement after its name (which ends at whitespace or '=' / ':'):
// the operator is the one right after the name, else the first '=', ':' or "@=" after it.
struct StatementOp {
  size_t at = 0;              // where the operator is (the line's end without one)
  char op = '\0';             // '=', ':', '@' for "@=", or '\0' for none
  size_t valueAt = 0;         // just past the operator
  bool wordBeforeOp = false;  // other text stands between the name and the operator
};

// `nameEnd` is where the name ends, before the end of `s`.
StatementOp findStatementOp(std::string_view s, size_t nameEnd);

}  // namespace htcondor::config

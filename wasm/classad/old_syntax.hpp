// Old ClassAd syntax as HTCondor's ad-file reader reads it (InsertFromFile): one `Name = Expr`
// per line, read from a FILE with fgets(). Internal to the ad reader.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "classad/classad.hpp"

namespace htcondor::classad {

// The FILE HTCondor reads ads from: the text, the read position (what ftell() reports) and the
// EOF flag (set once a read tried to go past the end).
struct TextStream {
  std::string_view text;
  size_t pos = 0;
  bool eof = false;

  // fgets() up to and including the next newline; false when nothing is left.
  bool readLine(std::string& line);
  // Takes `count` characters as a parser's reads did; more than remain means it hit the end.
  void consume(size_t count);
  std::string_view remaining() const { return text.substr(pos); }
};

// A `Name = Expr` line's two parts, as InsertLongFormAttrValue splits it: the name is what
// precedes the first '=' (without blanks), the expression text what follows (without leading
// blanks, up to a NUL). Nullopt if there is no '=' or no name.
struct LongFormLine {
  std::string_view name;
  std::string_view expr;
};
std::optional<LongFormLine> splitLongFormLine(std::string_view line);

// One `Name = Expr` line into `ad`, as InsertLongFormAttrValue: the expression is parsed in old
// syntax and text after it is ignored. False if the line does not split or the expression does
// not parse.
bool insertLongFormLine(ClassAd& ad, std::string_view line);

struct LongFormResult {
  int attrs = 0;        // attributes inserted
  bool failed = false;  // stopped at a line that did not parse
};

// The line loop of InsertFromFile: lines into `ad` up to and including a blank line (the ad
// delimiter) or the end; '#' lines are comments. On a bad line it stops; `skipAdOnError` (old
// syntax) first reads on through the delimiter, as HTCondor's OnParseError does.
LongFormResult insertLongForm(TextStream& in, ClassAd& ad, bool skipAdOnError);

}  // namespace htcondor::classad

// Reading a stream of ads as HTCondor 23's Python parseAds() does: each step runs HTCondor's
// ad-file reader (CondorClassAdFileIterator) once on the text left, and the text is then cut
// after the position the reader left its FILE at. The reader's quirks are kept, since they
// decide which ads are read and where reading stops: old-syntax ads end at a blank line, which
// is consumed; a new-syntax ad that is empty goes on as old-syntax lines; a JSON reader leaves
// the final '}' of an ad unread; and Python cuts the text at that byte count as if it counted
// characters.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classad/classad.hpp"

namespace htcondor::classad {

// HTCondor's parse types Parse_long, Parse_new and Parse_json.
enum class AdSyntax { Old, New, Json };

// "old", "new" or "json".
std::optional<AdSyntax> adSyntaxFromName(std::string_view name);

struct AdRead {
  enum class Status { Ad, End, Error };
  Status status = Status::End;  // End: no further ad, and the reader read all of the text
  std::shared_ptr<ClassAd> ad;  // with Status::Ad
  size_t consumed = 0;          // bytes of the text the reader took (its ftell())
};

// One step: the next ad at the start of `text` (classad2's _classad_parse_next()).
AdRead readNextAd(std::string_view text, AdSyntax syntax);

struct AdStream {
  std::vector<std::shared_ptr<ClassAd>> ads;  // the ads read, also those before an error
  bool error = false;                         // the reader reported an error
  std::string rest;                           // without an error: the text left unread
};

// All the ads of `text`, as parseAds(text, syntax) yields them.
AdStream readAds(std::string_view text, AdSyntax syntax);

}  // namespace htcondor::classad

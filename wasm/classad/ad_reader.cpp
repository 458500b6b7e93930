#include "classad/ad_reader.hpp"

#include "classad/json_parser.hpp"
#include "classad/old_syntax.hpp"
#include "classad/parser.hpp"

namespace htcondor::classad {

namespace {

// One run of the new-syntax or JSON parser on the FILE: the ad, or null, and the last token
// the lexer saw. The lexer's one character of look-ahead is taken from the FILE for good.
std::shared_ptr<ClassAd> parseOnce(TextStream& in, AdSyntax syntax, Tok& last) {
  std::shared_ptr<ClassAd> ad;
  size_t readEnd = 0;
  if (syntax == AdSyntax::Json) {
    JsonParser parser(in.remaining());
    ad = parser.parseClassAd();
    readEnd = parser.lexer().readEnd();
    last = parser.lexer().lastType();
  } else {
    Parser parser(in.remaining());
    ad = parser.parseClassAd(false);
    readEnd = parser.lexer().readEnd();
    last = parser.lexer().lastType();
  }
  in.consume(readEnd);
  // The JSON parser gives back the last character it read (which is the ad's closing '}').
  if (ad && syntax == AdSyntax::Json && !in.eof && in.pos > 0) --in.pos;
  return ad;
}

// NewParser(): a parse failing on the opening '{' of a new-syntax list of ads (or '[' of a
// JSON array) is retried once after it.
std::shared_ptr<ClassAd> parseStructured(TextStream& in, AdSyntax syntax) {
  Tok last = Tok::Error;
  auto ad = parseOnce(in, syntax, last);
  const Tok listOpen = syntax == AdSyntax::Json ? Tok::OpenBox : Tok::OpenBrace;
  if (!ad && last == listOpen) ad = parseOnce(in, syntax, last);
  return ad;
}

// Moves past `count` characters of UTF-8 text: Python cuts its string at the reader's byte
// offset as if that were a count of characters.
std::string_view skipCharacters(std::string_view text, size_t count) {
  size_t i = 0;
  for (size_t seen = 0; i < text.size(); ++i) {
    const bool lead = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (lead && seen++ == count) break;
  }
  return text.substr(i);
}

}  // namespace

std::optional<AdSyntax> adSyntaxFromName(std::string_view name) {
  if (name == "old") return AdSyntax::Old;
  if (name == "new") return AdSyntax::New;
  if (name == "json") return AdSyntax::Json;
  return std::nullopt;
}

AdRead readNextAd(std::string_view text, AdSyntax syntax) {
  if (text.empty()) return {};
  TextStream in{text};
  auto ad = std::make_shared<ClassAd>();
  int attrs = 0;
  if (syntax == AdSyntax::Old) {
    attrs = insertLongForm(in, *ad, true).attrs;
  } else if (auto parsed = parseStructured(in, syntax)) {
    ad = parsed;
    // An empty ad is not an ad to the reader: it goes on reading old-syntax lines into it.
    attrs = ad->size() > 0 ? static_cast<int>(ad->size()) : insertLongForm(in, *ad, false).attrs;
  }
  AdRead result;
  result.consumed = in.pos;
  if (attrs > 0) {
    result.status = AdRead::Status::Ad;
    result.ad = std::move(ad);
  } else {
    // No ad: Python sees the end of the ads if the reader read everything, else an error.
    result.status = in.pos == text.size() ? AdRead::Status::End : AdRead::Status::Error;
  }
  return result;
}

AdStream readAds(std::string_view text, AdSyntax syntax) {
  AdStream stream;
  // Python refuses to pass a string holding a NUL to the reader.
  if (text.find('\0') != std::string_view::npos) {
    stream.error = true;
    return stream;
  }
  for (;;) {
    AdRead next = readNextAd(text, syntax);
    if (next.status == AdRead::Status::Error) {
      stream.error = true;
      return stream;
    }
    if (next.status == AdRead::Status::End) break;
    stream.ads.push_back(std::move(next.ad));
    text = skipCharacters(text, next.consumed);
  }
  stream.rest = std::string(text);
  return stream;
}

}  // namespace htcondor::classad

#include "classad/xml_parser.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "classad/lexer.hpp"
#include "classad/parser.hpp"
#include "classad/time_text.hpp"

namespace htcondor::classad {

namespace {

constexpr int kMaxDepth = 1000;  // nested <c> and <l>, as the other parsers bound nesting

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

enum class TagId { ClassAds, ClassAd, Attribute, Integer, Real, String, Bool, Undefined, Error, AbsTime, RelTime, List, Expr, Xml, XmlStylesheet, Doctype, None };
enum class TagType { Start, End, Empty, Invalid };

TagId tagIdOf(std::string_view name) {
  static constexpr std::pair<std::string_view, TagId> kTags[] = {
      {"classads", TagId::ClassAds}, {"c", TagId::ClassAd}, {"a", TagId::Attribute}, {"i", TagId::Integer},
      {"r", TagId::Real}, {"s", TagId::String}, {"b", TagId::Bool}, {"un", TagId::Undefined}, {"er", TagId::Error},
      {"at", TagId::AbsTime}, {"rt", TagId::RelTime}, {"l", TagId::List}, {"e", TagId::Expr}, {"?xml", TagId::Xml},
      {"?xml-stylesheet", TagId::XmlStylesheet}, {"DOCTYPE", TagId::Doctype}};
  for (const auto& [tag, id] : kTags) {
    if (tag == name) return id;
  }
  return TagId::None;
}

// The three entities HTCondor knows; the text from '&' through ';' or nothing.
const char* entityText(std::string_view entity) {
  if (entity == "&amp;") return "&";
  if (entity == "&lt;") return "<";
  if (entity == "&gt;") return ">";
  return nullptr;
}

struct XmlToken {
  bool tag = false;  // a tag, or else text
  TagType type = TagType::Invalid;
  TagId id = TagId::None;
  std::string text;  // the text, or the tag's name
  std::map<std::string, std::string> attrs;

  std::string attr(const std::string& name) const {
    auto it = attrs.find(name);
    return it == attrs.end() ? std::string() : it->second;
  }
};

// XMLLexer over a string. A token cut off by the end of the text is not returned: it marks the
// read `truncated` (HTCondor's FILE lexer returns the fragment, and its parser what it has).
class XmlLexer {
 public:
  explicit XmlLexer(std::string_view text) : text_(text) {}

  const XmlToken* peek() {
    if (!have_ && !truncated_) have_ = grab();
    return have_ ? &token_ : nullptr;
  }
  void consume() {
    peek();
    have_ = false;
  }
  bool truncated() const { return truncated_; }
  size_t position() const { return pos_; }

 private:
  bool grab() {
    // Text right after <s> keeps its leading white space (it is the string's).
    const bool inString = token_.tag && token_.type == TagType::Start && token_.id == TagId::String;
    token_ = XmlToken{};
    while (pos_ < text_.size() && !inString && isSpace(text_[pos_])) ++pos_;
    if (pos_ >= text_.size()) return cut();
    if (text_[pos_] == '<') {
      ++pos_;
      return grabTag();
    }
    return grabText();
  }

  bool cut() {
    truncated_ = true;
    return false;
  }

  bool grabTag() {
    token_.tag = true;
    std::string whole;
    int last = -1;  // the last character read: the tag is closed when it is '>'
    // The first character that is not white space belongs to the tag, even a '>'.
    while (pos_ < text_.size()) {
      last = static_cast<unsigned char>(text_[pos_++]);
      if (!isSpace(static_cast<char>(last))) {
        whole += static_cast<char>(last);
        break;
      }
    }
    while (pos_ < text_.size()) {
      last = static_cast<unsigned char>(text_[pos_++]);
      if (last == '>') break;
      whole += static_cast<char>(last);
    }
    if (last != '>') return cut();
    breakdownTag(whole);
    return true;
  }

  // BreakdownTag: start, end (</x>) or empty (<x/>) tag, its name and its name="value" pairs.
  void breakdownTag(std::string_view tag) {
    tag = tag.substr(0, tag.find('\0'));  // HTCondor takes the tag as a C string
    size_t length = tag.size();
    size_t i = 0;
    while (i < length && isSpace(tag[i])) ++i;
    if (i < length && tag[i] == '/') {
      token_.type = TagType::End;
      ++i;
    } else if (length > 0 && tag[length - 1] == '/') {
      token_.type = TagType::Empty;
      --length;
    } else {
      token_.type = TagType::Start;
    }
    size_t start = i;
    while (i < length && !isSpace(tag[i])) ++i;
    token_.text = std::string(tag.substr(start, i - start));
    token_.id = tagIdOf(token_.text);

    while (i < length) {
      while (i < length && isSpace(tag[i])) ++i;
      start = i;
      while (i < length && !isSpace(tag[i]) && tag[i] != '=') ++i;
      std::string name(tag.substr(start, i - start));
      while (i < length && (isSpace(tag[i]) || tag[i] == '=')) ++i;
      ++i;  // the opening quote, whatever it is
      // Up to a '"' that does not follow a backslash.
      std::string value;
      char previous = 0;
      while (i < length && (tag[i] != '"' || previous == '\\')) {
        previous = tag[i];
        value += tag[i++];
      }
      for (size_t k = 0; k < value.size(); ++k) {
        if (value[k] != '&') continue;
        size_t semi = value.find(';', k);
        if (semi == std::string::npos) break;  // HTCondor reads past the value here
        if (const char* replacement = entityText(std::string_view(value).substr(k, semi - k + 1))) value.replace(k, semi - k + 1, replacement);
      }
      if (!convertEscapes(value)) token_.type = TagType::Invalid;
      else if (!name.empty() && !value.empty()) token_.attrs[name] = value;
    }
  }

  // Text up to the next '<', with entities replaced. An entity runs to ';' (then it is
  // replaced if known), or stops before '&' or after a space (then it is kept as written); it
  // may swallow a '<'.
  bool grabText() {
    token_.text.clear();
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '<') return true;
      ++pos_;
      if (c != '&') {
        token_.text += c;
        continue;
      }
      std::string entity = "&";
      bool ended = false;
      while (pos_ < text_.size() && !ended) {
        char ch = text_[pos_++];
        if (ch == '&') {
          --pos_;
          ended = true;
        } else {
          entity += ch;
          if (ch == ';') {
            if (const char* replacement = entityText(entity)) entity = replacement;
            ended = true;
          } else if (ch == ' ') {
            ended = true;
          }
        }
      }
      if (!ended) return cut();
      token_.text += entity;
    }
    return cut();  // text running to the end may go on
  }

  std::string_view text_;
  size_t pos_ = 0;
  XmlToken token_;
  bool have_ = false;
  bool truncated_ = false;
};

// ClassAdXMLParser. A null result is a failed parse, as HTCondor's; where HTCondor would loop
// forever or keep a null list element, the parse fails instead.
class XmlParser {
 public:
  explicit XmlParser(std::string_view text) : lex_(text) {}

  // ParseClassAd: skips to a <c> start tag (an end or empty <c> tag first is a failure), then
  // reads attributes up to </c>, or up to an unknown tag, which ends the ad.
  std::shared_ptr<ClassAd> classAd() {
    Depth depth(depth_);
    if (depth_ > kMaxDepth) return nullptr;
    std::shared_ptr<ClassAd> ad;
    while (const XmlToken* tok = lex_.peek()) {
      if (!ad) {
        const bool adTag = tok->tag && tok->id == TagId::ClassAd;
        const bool start = tok->type == TagType::Start;
        lex_.consume();
        if (adTag) {
          if (!start) return nullptr;
          ad = std::make_shared<ClassAd>();
          ++open_;
        }
        continue;
      }
      if (!tok->tag) {
        lex_.consume();
        continue;
      }
      if (tok->id == TagId::Attribute) {
        if (tok->type == TagType::Invalid) return nullptr;
        if (tok->type != TagType::Start) {
          lex_.consume();
          continue;
        }
        std::string name;
        ExprPtr value = attribute(name);
        if (!value) return nullptr;
        ad->insert(std::move(name), std::move(value));
      } else if (tok->id == TagId::ClassAd) {
        const bool end = tok->type == TagType::End;
        lex_.consume();
        if (end) break;
      } else if (tok->id == TagId::Xml || tok->id == TagId::XmlStylesheet || tok->id == TagId::Doctype ||
                 tok->id == TagId::ClassAds) {
        return nullptr;  // HTCondor peeks these forever
      } else {
        lex_.consume();
        break;
      }
    }
    if (!ad || lex_.truncated()) return nullptr;
    --open_;
    return ad;
  }

  XmlLexer& lexer() { return lex_; }
  int openAds() const { return open_; }

 private:
  struct Depth {
    int& d;
    explicit Depth(int& depth) : d(++depth) {}
    ~Depth() { --d; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
  };

  ExprPtr attribute(std::string& name) {
    name = lex_.peek()->attr("n");
    lex_.consume();
    ExprPtr value = name.empty() ? nullptr : thing();
    swallowEnd(TagId::Attribute);
    return value;
  }

  // ParseThing: the value at a tag, by its name only (an end tag </i> reads as <i>).
  ExprPtr thing() {
    const XmlToken* tok = lex_.peek();
    if (!tok || !tok->tag) return nullptr;
    switch (tok->id) {
      case TagId::ClassAd: return classAd();
      case TagId::List: return list();
      case TagId::Integer:
      case TagId::Real:
      case TagId::String: return scalar(tok->id);
      case TagId::Bool: {
        const bool value = tok->attr("v") == "t" || tok->attr("v") == "T";
        const bool start = tok->type == TagType::Start;
        lex_.consume();
        if (start) swallowEnd(TagId::Bool);
        return std::make_shared<Literal>(Value::boolean(value));
      }
      case TagId::Undefined:
      case TagId::Error: {
        const TagId id = tok->id;
        const bool start = tok->type == TagType::Start;
        lex_.consume();
        if (start) swallowEnd(id);
        return std::make_shared<Literal>(id == TagId::Undefined ? Value::undefined() : Value::error());
      }
      case TagId::AbsTime:
      case TagId::RelTime:
      case TagId::Expr: return textValue(tok->id);
      default: return nullptr;
    }
  }

  ExprPtr list() {
    Depth depth(depth_);
    if (depth_ > kMaxDepth) return nullptr;
    lex_.consume();
    std::vector<ExprPtr> items;
    while (const XmlToken* tok = lex_.peek()) {
      if (tok->tag && tok->type == TagType::End && tok->id == TagId::List) {
        lex_.consume();
        break;
      }
      // Text or another end tag: HTCondor peeks it forever. A tag that is not a value: the
      // same, or a null element.
      if (!tok->tag || tok->type == TagType::End) return nullptr;
      ExprPtr item = thing();
      if (!item) return nullptr;
      items.push_back(std::move(item));
    }
    return std::make_shared<ExprList>(std::move(items));
  }

  // ParseNumberOrString: <i> as from_chars (an unreadable number is the error value), <r> as
  // strtod (NaN, INF, -INF included), <s> with escapes; an empty <s></s> is "".
  ExprPtr scalar(TagId id) {
    lex_.consume();
    ExprPtr tree;
    const XmlToken* tok = lex_.peek();
    if (tok && !tok->tag) {
      std::string text = tok->text;
      lex_.consume();
      Value value;
      if (id == TagId::Integer) {
        int64_t number = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number, 10);
        value = ec == std::errc() ? Value::integer(number) : Value::error();
      } else if (id == TagId::Real) {
        char* end = nullptr;
        double number = std::strtod(text.c_str(), &end);
        value = end == text.c_str() ? Value::error() : Value::real(number);
      } else {
        if (!convertEscapes(text)) return nullptr;
        value = Value::string(std::move(text));
      }
      tree = std::make_shared<Literal>(std::move(value));
    } else if (id == TagId::String) {
      tree = std::make_shared<Literal>(Value::string(""));
    }
    swallowEnd(id);
    return tree;
  }

  // <at>, <rt> and <e>: their text as an absolute time, a relative time or an expression.
  ExprPtr textValue(TagId id) {
    lex_.consume();
    ExprPtr tree;
    const XmlToken* tok = lex_.peek();
    if (tok && !tok->tag) {
      std::string text = tok->text;
      lex_.consume();
      if (id == TagId::Expr) {
        // HTCondor's string lexer source stops at a NUL.
        Parser parser(std::string_view(text).substr(0, text.find('\0')));
        tree = parser.parseExpression(false);
      } else {
        std::optional<Value> time = id == TagId::AbsTime ? absTimeFromText(text) : relTimeFromText(text);
        if (time) tree = std::make_shared<Literal>(std::move(*time));
      }
    }
    swallowEnd(id);
    return tree;
  }

  void swallowEnd(TagId id) {
    const XmlToken* tok = lex_.peek();
    if (tok && tok->tag && tok->id == id && tok->type == TagType::End) lex_.consume();
  }

  XmlLexer lex_;
  int depth_ = 0;
  int open_ = 0;  // <c> ads opened and not yet closed
};

}  // namespace

XmlAdRead readXmlAd(std::string_view text) {
  XmlParser parser(text);
  auto ad = parser.classAd();
  XmlLexer& lex = parser.lexer();
  if (ad) return {XmlAdRead::Status::Ad, std::move(ad), lex.position()};
  if (lex.truncated()) return {};
  // Go on after the bad ad: past the </c> that closes the outermost ad still open.
  for (int open = parser.openAds(); open > 0;) {
    const XmlToken* tok = lex.peek();
    if (!tok) return {};
    if (tok->tag && tok->id == TagId::ClassAd) {
      if (tok->type == TagType::Start) ++open;
      else if (tok->type == TagType::End) --open;
    }
    lex.consume();
  }
  return {XmlAdRead::Status::Error, nullptr, lex.position()};
}

}  // namespace htcondor::classad

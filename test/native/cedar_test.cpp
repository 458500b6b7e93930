// CEDAR framing, primitives, ClassAds on the wire and SHARED_PORT_CONNECT, checked against the
// real captures of docs/protocol/captures (embedded below, as annotated) and the examples of
// transport-and-security.md sections 2-4 and 8.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "cedar/classad_wire.hpp"
#include "cedar/message.hpp"
#include "cedar/packet.hpp"
#include "cedar/shared_port.hpp"
#include "classad/parser.hpp"
#include "classad/unparse.hpp"

#include "shared_files.hpp"

using namespace htcondor::cedar;
namespace cl = htcondor::classad;

namespace {

// The captures of shared/docs/protocol/captures, read from shared/ (see shared_files.hpp).
const std::string kCapture01 = sharedFile("docs/protocol/captures/01-plaintext-condor_status.hex");
const std::string kCapture02 = sharedFile("docs/protocol/captures/02-shared-port-condor_q.hex");
const std::string kCapture03 = sharedFile("docs/protocol/captures/03-raw-command-query.hex");
const std::string kCaptureCmd01 = sharedFile("docs/protocol/captures/cmd-01-collector-query-startd-projection.hex");
const std::string kCaptureCmd02 = sharedFile("docs/protocol/captures/cmd-02-collector-query-schedd-constraint-statistics.hex");
const std::string kCaptureCmd03 = sharedFile("docs/protocol/captures/cmd-03-collector-locate-schedd.hex");
const std::string kCaptureCmd04 = sharedFile("docs/protocol/captures/cmd-04-collector-query-startdaemon.hex");
const std::string kCaptureCmd05 = sharedFile("docs/protocol/captures/cmd-05-collector-advertise-generic.hex");
const std::string* const kAllCaptures[] = {&kCapture01, &kCapture02, &kCapture03, &kCaptureCmd01, &kCaptureCmd02, &kCaptureCmd03, &kCaptureCmd04, &kCaptureCmd05};

struct Packet {
  bool clientToServer = false;
  Bytes bytes;  // header and payload
  uint8_t end() const { return bytes.at(0); }
  std::span<const uint8_t> payload() const { return std::span<const uint8_t>(bytes).subspan(kPacketHeaderSize); }
};

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The packets of an annotated capture: "## packet N  C>S ..." starts a packet, "  +OFFS  hh hh
// ...  annotation" rows carry its bytes (the annotation follows two or more spaces).
std::vector<Packet> parseCapture(const std::string& text) {
  std::vector<Packet> packets;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("## packet", 0) == 0) {
      packets.push_back(Packet{line.find("C>S") != std::string::npos, {}});
      continue;
    }
    if (line.rfind("  +", 0) != 0) continue;
    REQUIRE(!packets.empty());
    const size_t offset = std::stoul(line.substr(3, 4), nullptr, 16);
    REQUIRE(offset == packets.back().bytes.size());  // the rows are complete and in order
    size_t i = 9;
    while (i + 1 < line.size() && hexDigit(line[i]) >= 0 && hexDigit(line[i + 1]) >= 0 &&
           (i + 2 == line.size() || line[i + 2] == ' ')) {
      packets.back().bytes.push_back(static_cast<uint8_t>(hexDigit(line[i]) << 4 | hexDigit(line[i + 1])));
      i += 2;
      if (i + 1 < line.size() && line[i] == ' ' && line[i + 1] != ' ') ++i;
      else break;
    }
  }
  return packets;
}

Bytes bytesOf(std::initializer_list<int> list) {
  Bytes b;
  for (int x : list) b.push_back(static_cast<uint8_t>(x));
  return b;
}

Bytes concat(const std::vector<Packet>& packets, bool clientToServer) {
  Bytes out;
  for (const Packet& p : packets)
    if (p.clientToServer == clientToServer) out.insert(out.end(), p.bytes.begin(), p.bytes.end());
  return out;
}

std::string attr(const cl::ClassAd& ad, const char* name) {
  cl::ExprPtr e = ad.lookup(name);
  return e ? cl::unparse(*e, cl::Style::Old) : "<none>";
}

std::shared_ptr<cl::ClassAd> readAd(MessageReader& in, const GetAdOptions& options = {}) {
  auto ad = getClassAd(in, options);
  if (!ad) FAIL_CHECK(ad.error().message);
  REQUIRE(ad);
  return *ad;
}

// A query reply: (int 1, ad)* then int 0, the whole message.
std::vector<std::shared_ptr<cl::ClassAd>> readQueryReply(std::span<const uint8_t> message) {
  MessageReader in(message);
  std::vector<std::shared_ptr<cl::ClassAd>> ads;
  for (;;) {
    auto more = in.getInt();
    REQUIRE(more);
    if (*more == 0) break;
    ads.push_back(readAd(in));
  }
  CHECK(in.finish());
  return ads;
}

// The packet of a one-message payload as our encoder writes it.
Bytes frame(const Bytes& message) {
  PacketEncoder encoder;
  auto r = encoder.encode(message);
  REQUIRE(r);
  return *r;
}

// Decoding the payload's ad and writing it again (whole-ad form) gives the same bytes.
void checkAdRoundTrip(const Packet& p, std::optional<int64_t> leadingInt = std::nullopt) {
  MessageReader in(p.payload());
  MessageWriter out;
  if (leadingInt) {
    auto cmd = in.getInt64();
    REQUIRE(cmd);
    CHECK(*cmd == *leadingInt);
    out.putInt(*cmd);
  }
  auto ad = readAd(in);
  CHECK(in.finish());
  REQUIRE(putClassAd(out, *ad));
  auto bytes = std::move(out).finish();
  REQUIRE(bytes);
  CHECK(frame(*bytes) == p.bytes);
}

cl::References refs(std::initializer_list<const char*> names) {
  cl::References r;
  for (const char* n : names) r.insert(n);
  return r;
}

std::shared_ptr<cl::ClassAd> adOf(const char* text) {
  cl::Parser parser(text);
  auto ad = parser.parseClassAd(true);
  REQUIRE(ad);
  return ad;
}

Bytes encodeAd(const cl::ClassAd& ad, const PutAdOptions& options = {}, bool encrypted = false) {
  MessageWriter out(encrypted);
  REQUIRE(putClassAd(out, ad, options));
  auto r = std::move(out).finish();
  REQUIRE(r);
  return *r;
}

std::vector<std::string> stringsOf(const Bytes& message, bool encrypted = false) {
  MessageReader in(message, encrypted);
  std::vector<std::string> out;
  auto n = in.getInt();
  REQUIRE(n);
  out.push_back(std::to_string(*n));
  while (!in.atEnd()) {
    auto s = in.getString();
    REQUIRE(s);
    out.push_back(*s);
  }
  return out;
}

// A packet transform for tests: XORs the payload and appends one check byte.
struct XorTransform : PacketTransform {
  uint8_t key;
  int sealed = 0, opened = 0;
  explicit XorTransform(uint8_t k) : key(k) {}
  Result<Bytes> seal(uint8_t, std::span<const uint8_t> plain) override {
    ++sealed;
    Bytes out;
    for (uint8_t b : plain) out.push_back(b ^ key);
    out.push_back(key);
    return out;
  }
  Result<Bytes> open(std::span<const uint8_t> header, std::span<const uint8_t> payload) override {
    ++opened;
    if (header.size() != kPacketHeaderSize || payload.empty() || payload.back() != key)
      return fail(Errc::TransformFailed, "bad check byte");
    Bytes out;
    for (size_t i = 0; i + 1 < payload.size(); ++i) out.push_back(payload[i] ^ key);
    return out;
  }
  size_t maxOverhead() const override { return 1; }
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Packets

TEST_CASE("captures: every packet header matches its payload and all are single-packet messages") {
  for (const std::string* capture : kAllCaptures) {
    for (const Packet& p : parseCapture(*capture)) {
      REQUIRE(p.bytes.size() > kPacketHeaderSize);
      const uint32_t len = (uint32_t{p.bytes[1]} << 24) | (uint32_t{p.bytes[2]} << 16) | (uint32_t{p.bytes[3]} << 8) | p.bytes[4];
      CHECK(len == p.bytes.size() - kPacketHeaderSize);
      CHECK(p.end() == 1);
    }
  }
}

TEST_CASE("decoder: capture streams fed in chunks of every size give back every message") {
  for (const std::string* capture : kAllCaptures) {
    const auto packets = parseCapture(*capture);
    for (bool direction : {true, false}) {
      const Bytes stream = concat(packets, direction);
      std::vector<Bytes> expected;
      for (const Packet& p : packets)
        if (p.clientToServer == direction) expected.emplace_back(p.payload().begin(), p.payload().end());
      for (size_t chunk : {size_t{1}, size_t{2}, size_t{3}, size_t{4}, size_t{5}, size_t{6}, size_t{7}, size_t{13},
                           size_t{100}, size_t{4096}, stream.size() + 1}) {
        PacketDecoder decoder;
        std::vector<Bytes> got;
        for (size_t pos = 0; pos < stream.size(); pos += chunk) {
          decoder.feed(std::span<const uint8_t>(stream).subspan(pos, std::min(chunk, stream.size() - pos)));
          for (;;) {
            auto m = decoder.next();
            REQUIRE(m);
            if (!*m) break;
            got.push_back(std::move(**m));
          }
        }
        CHECK(got == expected);
        CHECK(decoder.atMessageBoundary());
      }
    }
  }
}

TEST_CASE("decoder: a message split over packets, a value split between them") {
  // int 60010 split 3 + 5 over two packets, end flag 0 then 1; then end flag 7 (any 1..10 ends).
  Bytes stream = bytesOf({0, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 0xea, 0x6a, 7, 0, 0, 0, 1, 0x42});
  PacketDecoder decoder;
  decoder.feed(stream);
  auto m = decoder.next();
  REQUIRE(m);
  REQUIRE(*m);
  MessageReader in(**m);
  CHECK(*in.getInt64() == 60010);
  auto m2 = decoder.next();
  REQUIRE(m2);
  REQUIRE(*m2);
  CHECK(**m2 == bytesOf({0x42}));
}

TEST_CASE("decoder: bad headers are errors, detected as soon as the bytes are there, and final") {
  struct Case {
    Bytes bytes;
    Errc code;
  };
  const Case cases[] = {
      {bytesOf({1, 0, 0, 0, 0}), Errc::BadPacketLength},
      {bytesOf({1, 0, 0x10, 0, 1}), Errc::BadPacketLength},        // 1 MiB + 1
      {bytesOf({1, 0xff, 0xff, 0xff, 0xff}), Errc::BadPacketLength},  // negative as HTCondor's int
      {bytesOf({11}), Errc::BadEndFlag},
      {bytesOf({0x80}), Errc::BadEndFlag},
  };
  for (const Case& c : cases) {
    PacketDecoder decoder;
    decoder.feed(c.bytes);
    auto r = decoder.next();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == c.code);
    decoder.feed(bytesOf({1, 0, 0, 0, 1, 0}));  // nothing after an error is decoded
    auto again = decoder.next();
    REQUIRE_FALSE(again);
    CHECK(again.error().code == c.code);
  }
  // Exactly 1 MiB is allowed.
  Bytes big = {1, 0, 0x10, 0, 0};
  big.resize(kPacketHeaderSize + kMaxPacketPayload, 0x61);
  PacketDecoder decoder;
  decoder.feed(big);
  auto r = decoder.next();
  REQUIRE(r);
  REQUIRE(*r);
  CHECK((*r)->size() == kMaxPacketPayload);
}

TEST_CASE("decoder: low-data mode refuses multi-packet messages; message size limit") {
  PacketDecoder lowData(DecoderOptions{.maxMessage = 1 << 20, .lowDataMode = true});
  lowData.feed(bytesOf({0, 0, 0, 0, 1, 0x41}));
  auto r = lowData.next();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::MultiPacketRefused);

  PacketDecoder small(DecoderOptions{.maxMessage = 4, .lowDataMode = false});
  small.feed(bytesOf({0, 0, 0, 0, 3, 1, 2, 3, 1, 0, 0, 0, 2, 4, 5}));
  auto s = small.next();
  REQUIRE_FALSE(s);
  CHECK(s.error().code == Errc::MessageTooLarge);
}

TEST_CASE("decoder: every truncation of a capture stream waits for more, never yields a message early") {
  const auto packets = parseCapture(kCapture01);
  const Bytes stream = concat(packets, false);
  const size_t firstEnd = packets[1].bytes.size();
  for (size_t cut = 0; cut < firstEnd; ++cut) {
    PacketDecoder decoder;
    decoder.feed(std::span<const uint8_t>(stream).first(cut));
    auto m = decoder.next();
    REQUIRE(m);
    CHECK_FALSE(*m);
    CHECK(decoder.atMessageBoundary() == (cut == 0));
  }
}

TEST_CASE("encoder: one packet per message by default; HTCondor's 4091-byte split on request") {
  Bytes message(9000, 0x5a);
  PacketEncoder single;
  auto one = single.encode(message);
  REQUIRE(one);
  CHECK(one->size() == 9005);
  CHECK(Bytes(one->begin(), one->begin() + 5) == bytesOf({1, 0, 0, 0x23, 0x28}));

  PacketEncoder condor(EncoderOptions{.maxPayload = kHtcondorPacketPayload});
  auto three = condor.encode(message);
  REQUIRE(three);
  REQUIRE(three->size() == 9000 + 15);
  CHECK(Bytes(three->begin(), three->begin() + 5) == bytesOf({0, 0, 0, 0x0f, 0xfb}));  // 4091, more
  CHECK(Bytes(three->begin() + 4096, three->begin() + 4101) == bytesOf({0, 0, 0, 0x0f, 0xfb}));
  CHECK(Bytes(three->begin() + 8192, three->begin() + 8197) == bytesOf({1, 0, 0, 0x03, 0x32}));  // 818, end

  // Above 1 MiB even the single-packet policy must split.
  Bytes huge(kMaxPacketPayload + 10, 1);
  auto two = single.encode(huge);
  REQUIRE(two);
  CHECK(two->size() == huge.size() + 10);
  CHECK((*two)[0] == 0);
  CHECK((*two)[5 + kMaxPacketPayload] == 1);

  // Nothing buffered at end_of_message sends nothing.
  auto none = single.encode({});
  REQUIRE(none);
  CHECK(none->empty());

  // Whatever the split, the decoder gives back the message.
  PacketDecoder decoder;
  decoder.feed(*three);
  auto m = decoder.next();
  REQUIRE(m);
  REQUIRE(*m);
  CHECK(**m == message);
}

TEST_CASE("transform hook: per packet, installed between messages even if bytes already arrived") {
  auto tx = std::make_shared<XorTransform>(0x5c);
  auto rx = std::make_shared<XorTransform>(0x5c);
  PacketEncoder encoder(EncoderOptions{.maxPayload = 4});
  auto plain = encoder.encode(bytesOf({1, 2, 3}));
  REQUIRE(plain);
  encoder.setTransform(tx);
  auto sealed = encoder.encode(bytesOf({9, 8, 7, 6, 5, 4, 3, 2, 1}));
  REQUIRE(sealed);
  CHECK(tx->sealed == 3);  // 3 + 3 + 3 plaintext bytes: 4 less the overhead of 1 per packet

  Bytes stream = *plain;
  stream.insert(stream.end(), sealed->begin(), sealed->end());
  PacketDecoder decoder;
  decoder.feed(stream);  // both messages at once
  auto first = decoder.next();
  REQUIRE(first);
  REQUIRE(*first);
  CHECK(**first == bytesOf({1, 2, 3}));
  decoder.setTransform(rx);
  auto second = decoder.next();
  REQUIRE(second);
  REQUIRE(*second);
  CHECK(**second == bytesOf({9, 8, 7, 6, 5, 4, 3, 2, 1}));
  CHECK(rx->opened == 3);

  // A packet the transform rejects breaks the stream.
  PacketDecoder strict;
  strict.setTransform(rx);
  strict.feed(bytesOf({1, 0, 0, 0, 2, 1, 2}));
  auto bad = strict.next();
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::TransformFailed);
}

// ---------------------------------------------------------------------------------------------
// Primitives

TEST_CASE("primitives: the byte examples of section 3") {
  auto bytes = [](MessageWriter& w) { return w.bytes(); };
  MessageWriter w;
  w.putInt(60010);
  CHECK(bytes(w) == bytesOf({0, 0, 0, 0, 0, 0, 0xea, 0x6a}));
  MessageWriter m1;
  m1.putInt(-1);
  CHECK(bytes(m1) == bytesOf({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));
  MessageWriter s1;
  s1.putString("collector");
  CHECK(bytes(s1) == bytesOf({0x63, 0x6f, 0x6c, 0x6c, 0x65, 0x63, 0x74, 0x6f, 0x72, 0}));
  MessageWriter s2(true);
  s2.putString("collector");
  CHECK(bytes(s2) == bytesOf({0, 0, 0, 0, 0, 0, 0, 0x0a, 0x63, 0x6f, 0x6c, 0x6c, 0x65, 0x63, 0x74, 0x6f, 0x72, 0}));
  MessageWriter e1;
  e1.putString("");
  CHECK(bytes(e1) == bytesOf({0}));
  MessageWriter e2(true);
  e2.putString("");
  CHECK(bytes(e2) == bytesOf({0, 0, 0, 0, 0, 0, 0, 1, 0}));
  MessageWriter d1;
  d1.putDouble(1.5);
  CHECK(bytes(d1) == bytesOf({0, 0, 0, 0, 0x5f, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 1}));
  MessageWriter d2;
  d2.putDouble(-2.25);
  CHECK(bytes(d2) == bytesOf({0xff, 0xff, 0xff, 0xff, 0xb8, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2}));
  MessageWriter n1;
  n1.putNullableString(std::nullopt);
  CHECK(bytes(n1) == bytesOf({0xad}));
  MessageWriter n2(true);
  n2.putNullableString(std::nullopt);
  CHECK(bytes(n2) == bytesOf({0, 0, 0, 0, 0, 0, 0, 1, 0xad}));

  MessageReader r(d1.bytes());
  // Lossy: frac / 2147483647 is not exactly 0.75.
  CHECK(*r.getDouble() == doctest::Approx(1.5).epsilon(1e-9));
  MessageReader r2(d2.bytes());
  CHECK(*r2.getDouble() == doctest::Approx(-2.25).epsilon(1e-9));
  MessageReader r3(s2.bytes(), true);
  CHECK(*r3.getString() == "collector");
  CHECK(r3.finish());
  MessageReader r4(n1.bytes());
  CHECK_FALSE(r4.getNullableString()->has_value());
  MessageReader r5(n2.bytes(), true);
  CHECK_FALSE(r5.getNullableString()->has_value());
  MessageReader r6(n2.bytes(), true);
  CHECK(*r6.getString() == "");  // get(std::string) reads NULL as ""
  CHECK(r6.finish());
}

TEST_CASE("primitives: round trips and the doubles' 31-bit mantissa") {
  MessageWriter w;
  w.putInt(INT64_MIN).putInt(INT64_MAX).putInt(0).putDouble(0.0).putDouble(3.0).putDouble(1e300).putDouble(-1e-300);
  w.putString("héllo").putNullableString("x").putBytes(bytesOf({0, 1, 2})).putChar(0xad);
  MessageReader r(w.bytes());
  CHECK(*r.getInt64() == INT64_MIN);
  CHECK(*r.getInt64() == INT64_MAX);
  CHECK(*r.getInt() == 0);
  CHECK(*r.getDouble() == 0.0);
  CHECK(*r.getDouble() == doctest::Approx(3.0).epsilon(1e-9));
  CHECK(*r.getDouble() == doctest::Approx(1e300).epsilon(1e-9));
  CHECK(*r.getDouble() == doctest::Approx(-1e-300).epsilon(1e-9));
  CHECK(*r.getString() == "héllo");
  CHECK(**r.getNullableString() == "x");
  CHECK(*r.getBytes(3) == bytesOf({0, 1, 2}));
  CHECK(*r.getChar() == 0xad);
  CHECK(r.finish());
  // NaN and infinities go out as HTCondor on x86-64 sends them: INT_MIN, exponent 0.
  MessageWriter nan;
  nan.putDouble(std::numeric_limits<double>::quiet_NaN()).putDouble(std::numeric_limits<double>::infinity());
  Bytes expect = bytesOf({0xff, 0xff, 0xff, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  expect.insert(expect.end(), expect.begin(), expect.end());
  CHECK(nan.bytes() == expect);
}

TEST_CASE("primitives: malformed input is an error value") {
  // get(int) wants a sign-extended 32-bit value.
  const Bytes bigBytes = bytesOf({0, 0, 0, 1, 0, 0, 0, 0});
  MessageReader big(bigBytes);
  auto i = big.getInt();
  REQUIRE_FALSE(i);
  CHECK(i.error().code == Errc::IntegerOverflow);
  const Bytes negBytes = bytesOf({0xff, 0xff, 0xff, 0xff, 0x80, 0, 0, 0});
  MessageReader neg(negBytes);
  CHECK(*neg.getInt() == INT32_MIN);
  // Unterminated plaintext string.
  const Bytes unterminatedBytes = bytesOf({0x61, 0x62});
  MessageReader unterminated(unterminatedBytes);
  CHECK(unterminated.getString().error().code == Errc::BadString);
  // Length prefixes: 0, negative, above 10,000,000, longer than the message, no final NUL.
  for (const Bytes& b : {bytesOf({0, 0, 0, 0, 0, 0, 0, 0}), bytesOf({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe}),
                         bytesOf({0, 0, 0, 0, 0, 0x98, 0x96, 0x81}), bytesOf({0, 0, 0, 0, 0, 0, 0, 9, 0x61, 0}),
                         bytesOf({0, 0, 0, 0, 0, 0, 0, 2, 0x61, 0x62})}) {
    MessageReader r(b, true);
    auto s = r.getString();
    CHECK_FALSE(s);
  }
  // Untouched bytes at the end.
  const Bytes extraBytes = bytesOf({0, 0, 0, 0, 0, 0, 0, 1, 9});
  MessageReader extra(extraBytes);
  REQUIRE(extra.getInt());
  CHECK(extra.finish().error().code == Errc::UntouchedBytes);
  // A string with NUL cannot be sent; the error is sticky.
  MessageWriter w;
  w.putString(std::string_view("a\0b", 3)).putInt(1);
  auto r = std::move(w).finish();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::StringHasNul);
  CHECK(std::string(errcName(r.error().code)) == "StringHasNul");
  // Nor can one starting with the NULL marker (found by fuzzing: it read back as NULL), in
  // either mode; a nullable NULL still goes.
  for (const bool encrypted : {false, true}) {
    MessageWriter marked(encrypted);
    marked.putString("\xad" "name = 8");
    auto m = std::move(marked).finish();
    REQUIRE_FALSE(m);
    CHECK(m.error().code == Errc::BadArgument);
    MessageWriter null(encrypted);
    null.putNullableString(std::nullopt);
    CHECK(std::move(null).finish());
  }
}

// ---------------------------------------------------------------------------------------------
// ClassAds

TEST_CASE("capture 01 (condor_status): every ad decodes; client messages re-encode byte for byte") {
  const auto p = parseCapture(kCapture01);
  REQUIRE(p.size() == 5);
  // 1: DC_AUTHENTICATE + auth-info ad (18 attributes).
  {
    MessageReader in(p[0].payload());
    CHECK(*in.getInt() == 60010);
    auto ad = readAd(in);
    CHECK(in.finish());
    CHECK(ad->size() == 18);
    CHECK(attr(*ad, "Command") == "5");
    CHECK(attr(*ad, "ConnectSinful") == "\"<127.0.0.1:9720>\"");
    CHECK(attr(*ad, "NegotiatedSession") == "true");
    CHECK(attr(*ad, "SessionLease") == "3600");
    checkAdRoundTrip(p[0], 60010);
  }
  // 2, 3: server response and post-auth ads (also literal-only, as 25.x clients read them).
  for (size_t k : {size_t{1}, size_t{2}}) {
    MessageReader in(p[k].payload());
    auto ad = readAd(in, GetAdOptions{.noTypes = false, .literalsOnly = true});
    CHECK(in.finish());
    CHECK(ad->size() == (k == 1 ? 13u : 4u));
  }
  MessageReader post(p[2].payload());
  auto postAd = readAd(post);
  CHECK(attr(*postAd, "ReturnCode") == "\"AUTHORIZED\"");
  CHECK(attr(*postAd, "User") == "\"unauthenticated@unmapped\"");
  // 4: the query ad.
  checkAdRoundTrip(p[3]);
  // 5: the reply, written by the collector in projection form.
  auto ads = readQueryReply(p[4].payload());
  REQUIRE(ads.size() == 1);
  CHECK(attr(*ads[0], "Name") == "\"slot1@vm\"");
  CHECK(attr(*ads[0], "State") == "\"Unclaimed\"");
  MessageWriter reply;
  reply.putInt(1);
  REQUIRE(putClassAd(reply, *ads[0], refs({"Machine", "Name", "State"})));
  reply.putInt(0);
  CHECK(frame(reply.bytes()) == p[4].bytes);
}

TEST_CASE("capture 02 (condor_q through the shared port): connect message, ads, schedd reply") {
  const auto p = parseCapture(kCapture02);
  REQUIRE(p.size() == 6);
  auto connect = encodeSharedPortConnect(SharedPortConnect{"schedd_24914_c43c", "TOOL", 20, {}});
  REQUIRE(connect);
  CHECK(frame(*connect) == p[0].bytes);
  auto decoded = decodeSharedPortConnect(p[0].payload());
  REQUIRE(decoded);
  CHECK(decoded->sharedPortId == "schedd_24914_c43c");
  CHECK(decoded->deadlineSeconds == 20);

  checkAdRoundTrip(p[1], 60010);
  checkAdRoundTrip(p[4]);  // the query ad, with a raw newline inside a string
  MessageReader q(p[4].payload());
  auto query = readAd(q);
  cl::ExprPtr projection = query->lookup("Projection");
  REQUIRE(projection);
  CHECK(cl::unparse(*projection) == "\"ClusterId\\nProcId\"");
  for (size_t k : {size_t{2}, size_t{3}}) {
    MessageReader in(p[k].payload());
    readAd(in);
    CHECK(in.finish());
  }
  // 6: the schedd's summary ad: 44 lines including ServerTime, then MyType/TargetType slots.
  MessageReader in(p[5].payload());
  auto summary = readAd(in);
  CHECK(in.finish());
  CHECK(summary->size() == 44);
  CHECK(attr(*summary, "ServerTime") == "1795239402");
  CHECK(attr(*summary, "MyType") == "\"Summary\"");
}

TEST_CASE("capture 03 (raw command through the shared port)") {
  const auto p = parseCapture(kCapture03);
  REQUIRE(p.size() == 3);
  auto connect = encodeSharedPortConnect(SharedPortConnect{"collector", "pycedar-test", 20, {}});
  REQUIRE(connect);
  CHECK(frame(*connect) == p[0].bytes);
  // The verification client wrote its attributes in another order: same ad, same size.
  MessageReader in(p[1].payload());
  CHECK(*in.getInt() == 5);
  auto ad = readAd(in);
  CHECK(in.finish());
  MessageWriter out;
  out.putInt(5);
  REQUIRE(putClassAd(out, *ad));
  CHECK(out.bytes().size() == p[1].payload().size());
  auto ads = readQueryReply(p[2].payload());
  REQUIRE(ads.size() == 1);
  MessageWriter reply;
  reply.putInt(1);
  REQUIRE(putClassAd(reply, *ads[0], refs({"Name"})));
  reply.putInt(0);
  CHECK(frame(reply.bytes()) == p[2].bytes);
}

TEST_CASE("command captures cmd-01..05: queries and updates byte for byte, replies in projection form") {
  struct Case {
    const std::string* capture;
    std::vector<const char*> projection;
  };
  const Case cases[] = {
      {&kCaptureCmd01, {"Name", "Cpus"}},
      {&kCaptureCmd02, {"Name", "MyAddress"}},
      {&kCaptureCmd03, {"MyAddress", "AddressV1", "CondorVersion", "CondorPlatform", "Name", "Machine"}},
      {&kCaptureCmd04, {"Name"}},
  };
  for (const Case& c : cases) {
    const auto p = parseCapture(*c.capture);
    REQUIRE(p.size() == 2);
    checkAdRoundTrip(p[0]);
    auto ads = readQueryReply(p[1].payload());
    REQUIRE(ads.size() == 1);
    cl::References whitelist;
    for (const char* n : c.projection) whitelist.insert(n);
    MessageWriter reply;
    reply.putInt(1);
    REQUIRE(putClassAd(reply, *ads[0], whitelist));
    reply.putInt(0);
    CHECK(frame(reply.bytes()) == p[1].bytes);
  }
  const auto locate = parseCapture(kCaptureCmd03);
  auto located = readQueryReply(locate[1].payload());
  CHECK(attr(*located[0], "AddressV1").find("\\\"primary\\\"") != std::string::npos);
  MessageReader q(locate[0].payload());
  CHECK(attr(*readAd(q), "Requirements") == "((stricmp(Name,\"cmdref-schedd@vm\") == 0))");

  const auto advertise = parseCapture(kCaptureCmd05);
  REQUIRE(advertise.size() == 3);
  checkAdRoundTrip(advertise[0]);
  checkAdRoundTrip(advertise[1], 58);
  MessageWriter nop;
  nop.putInt(60011);
  CHECK(frame(nop.bytes()) == advertise[2].bytes);
}

TEST_CASE("ClassAd reader: truncation at every byte of real ads is an error, never a crash") {
  // Every prefix of every captured message, read as (int, ad) and as an ad: whatever comes out,
  // it comes out as a value (the sanitizers watch the rest).
  for (const std::string* capture : kAllCaptures) {
    for (const Packet& p : parseCapture(*capture)) {
      for (size_t cut = 0; cut < p.payload().size(); ++cut) {
        MessageReader asAd(p.payload().first(cut));
        (void)getClassAd(asAd);
        MessageReader afterInt(p.payload().first(cut));
        if (afterInt.getInt64()) (void)getClassAd(afterInt);
      }
    }
  }
  // The query ad of capture 01 cut anywhere inside fails with Truncated or BadString.
  const auto p = parseCapture(kCapture01);
  for (size_t cut = 0; cut < p[3].payload().size(); ++cut) {
    MessageReader in(p[3].payload().first(cut));
    auto ad = getClassAd(in);
    REQUIRE_FALSE(ad);
    CHECK((ad.error().code == Errc::Truncated || ad.error().code == Errc::BadString));
  }
}

TEST_CASE("ClassAd reader: bad counts, bad lines, NULL lines, ZKM") {
  auto read = [](const Bytes& b, GetAdOptions o = {}) {
    MessageReader in(b);
    return getClassAd(in, o);
  };
  auto message = [](int64_t count, std::initializer_list<const char*> lines, bool types = true) {
    MessageWriter w;
    w.putInt(count);
    for (const char* l : lines) w.putString(l);
    if (types) w.putString("").putString("");
    return w.bytes();
  };
  CHECK(read(message(-1, {})).error().code == Errc::BadAttributeCount);
  CHECK(read(message(1'000'001, {})).error().code == Errc::BadAttributeCount);
  CHECK(read(message(int64_t{1} << 40, {})).error().code == Errc::IntegerOverflow);
  CHECK(read(message(1'000'000, {"A = 1"}, false)).error().code == Errc::Truncated);  // huge count, little data
  CHECK(read(message(1, {"no equals sign"})).error().code == Errc::BadAttribute);
  CHECK(read(message(1, {" = 5"})).error().code == Errc::BadAttribute);
  CHECK(read(message(1, {"A = (1 +"})).error().code == Errc::BadAttribute);
  CHECK(read(message(1, {"A = \"open"})).error().code == Errc::BadAttribute);
  CHECK(read(message(1, {"A = 1"}, false)).error().code == Errc::Truncated);  // type slots missing
  auto noTypes = read(message(1, {"A = 1"}, false), GetAdOptions{.noTypes = true, .literalsOnly = false});
  REQUIRE(noTypes);
  // A NULL string as a line.
  MessageWriter nul;
  nul.putInt(1).putNullableString(std::nullopt).putString("").putString("");
  CHECK(read(nul.bytes()).error().code == Errc::BadString);
  // ZKM: the next string is the attribute; old-syntax strings keep backslashes.
  auto zkm = read(message(2, {"ZKM", "ClaimId = \"a\\b#1\"", "Name=\"x\\\"y\""}));
  REQUIRE(zkm);
  CHECK((*zkm)->size() == 2);
  cl::ExprPtr claim = (*zkm)->lookup("ClaimId");
  REQUIRE(claim);
  CHECK(cl::unparse(*claim) == "\"a\\\\b#1\"");
  CHECK(attr(**zkm, "Name") == "\"x\\\"y\"");
  // Expressions of any kind in the general reader.
  auto general = read(message(3, {"A = {1, 2}", "B = [x = 1; y = A]", "C = absTime(\"2020-01-01T00:00:00\")"}));
  REQUIRE(general);
  CHECK((*general)->size() == 3);
}

TEST_CASE("ClassAd reader: literal-only mode (getPODClassAd) per the 25.14.1 table of section 4.2") {
  auto pod = [](const char* line) {
    MessageWriter w;
    w.putInt(1).putString(line).putString("").putString("");
    MessageReader in(w.bytes());
    return getClassAd(in, GetAdOptions{.noTypes = false, .literalsOnly = true});
  };
  for (const char* ok : {"X = \"a\\\"b\"", "X = 5", "X = -5", "X = -1.5", "X = 1.5E3", "X = TRUE", "X = undefined",
                         "X = error", "Foo=5"}) {
    auto r = pod(ok);
    CHECK_MESSAGE(r, ok);
  }
  for (const char* bad : {"X = 1800 + 1800", "X = Bar", "X = (5)", "X = {1,2}", "X = [a = 1]",
                          "X = absTime(\"2020-01-01T00:00:00\")", "ZKM"}) {
    auto r = pod(bad);
    REQUIRE_FALSE_MESSAGE(r, bad);
    CHECK(r.error().code == Errc::BadAttribute);
  }
  auto negative = pod("X = -5");
  REQUIRE(negative);
  CHECK(attr(**negative, "X") == "-5");
  MessageWriter many;
  many.putInt(101);
  MessageReader in(many.bytes());
  CHECK(getClassAd(in, GetAdOptions{.noTypes = false, .literalsOnly = true}).error().code == Errc::BadAttributeCount);
}

TEST_CASE("ClassAd writer: the old-syntax values of section 4.2") {
  auto ad = adOf("[ I = -7; R = 3.0; B = true; S = \"q\\\"uote\\\\back\"; U = undefined; E = error; L = {1, \"a\"}; "
                 "N = [a = 1; b = 2]; X = A =?= B; T = absTime(\"2020-01-01T00:00:00Z\"); Big = 1e20; Z = -0.0 ]");
  const auto lines = stringsOf(encodeAd(*ad));
  auto has = [&](const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  };
  CHECK(lines[0] == "12");
  CHECK(has("I = -7"));
  CHECK(has("R = 3.0"));
  CHECK(has("B = true"));
  CHECK(has("S = \"q\\\"uote\\back\""));
  CHECK(has("U = undefined"));
  CHECK(has("E = error"));
  CHECK(has("L = { 1,\"a\" }"));
  CHECK(has("N = [ a = 1; b = 2 ]"));
  CHECK(has("X = A =?= B"));
  CHECK(has("Big = 1E+20"));
  CHECK(has("Z = -0.0"));
  CHECK(lines.back() == "");
  // Encrypted mode: every string length-prefixed, same content.
  const auto prefixed = stringsOf(encodeAd(*ad, {}, true), true);
  CHECK(prefixed == lines);
}

TEST_CASE("ClassAd writer: private attributes (4.4)") {
  auto ad = adOf("[ ClaimId = \"secret\"; _condor_privKey = 1; Name = \"n\"; TransferKey = 2 ]");
  // Peer version unknown: V2 withheld, V1 behind ZKM.
  auto unknown = stringsOf(encodeAd(*ad));
  CHECK(unknown == std::vector<std::string>{"3", "Name = \"n\"", "ZKM", "ClaimId = \"secret\"", "ZKM",
                                            "TransferKey = 2", "", ""});
  // Peer 9.9.0 or later: everything as normal lines.
  auto modern = stringsOf(encodeAd(*ad, PutAdOptions{.peerKnowsPrivateV2 = true}));
  CHECK(modern.size() == 7);
  CHECK(modern[0] == "4");
  CHECK(std::count(modern.begin(), modern.end(), std::string("ZKM")) == 0);
  // PUT_CLASSAD_NO_PRIVATE: none of them.
  auto none = stringsOf(encodeAd(*ad, PutAdOptions{.noPrivate = true, .peerKnowsPrivateV2 = true}));
  CHECK(none == std::vector<std::string>{"1", "Name = \"n\"", "", ""});
  // What was written reads back (ZKM lines included).
  auto bytes = encodeAd(*ad);
  MessageReader in(bytes);
  auto back = readAd(in);
  CHECK(back->size() == 3);
  CHECK(attr(*back, "ClaimId") == "\"secret\"");
  CHECK(isPrivateAttributeV1("claimid"));
  CHECK(isPrivateAttributeV2("_CONDOR_PRIVATE"));
  CHECK_FALSE(isPrivateAttributeV2("_condor_pri"));
}

TEST_CASE("ClassAd writer: projection form (4.5), ServerTime, no types") {
  auto ad = adOf("[ A = B + 1; B = C; C = 3; D = 4; ClaimId = \"s\"; _condor_privX = 1 ]");
  MessageWriter w;
  REQUIRE(putClassAd(w, *ad, refs({"a", "D", "Missing", "ClaimId", "_condor_privX"})));
  // Sorted without case, named as listed, references of A added, private V2 withheld.
  CHECK(stringsOf(w.bytes()) == std::vector<std::string>{"5", "a = B + 1", "B = C", "C = 3", "ClaimId = \"s\"",
                                                          "D = 4", "", ""});
  MessageWriter narrow;
  REQUIRE(putClassAd(narrow, *ad, refs({"A", "D"}), PutAdOptions{.expandWhitelist = false}));
  CHECK(stringsOf(narrow.bytes()) == std::vector<std::string>{"2", "A = B + 1", "D = 4", "", ""});
  MessageWriter timed;
  REQUIRE(putClassAd(timed, *adOf("[ ServerTime = 1; X = 2 ]"), refs({"ServerTime", "X"}),
                     PutAdOptions{.noTypes = true, .serverTime = 1795239402}));
  CHECK(stringsOf(timed.bytes()) == std::vector<std::string>{"2", "X = 2", "ServerTime = 1795239402"});
  auto whole = stringsOf(encodeAd(*adOf("[ X = 2 ]"), PutAdOptions{.serverTime = 7}));
  CHECK(whole == std::vector<std::string>{"2", "X = 2", "ServerTime = 7", "", ""});
  // A value that cannot go on the wire (NUL in a string) is an error value.
  cl::ClassAd bad;
  bad.insert("S", std::make_shared<cl::Literal>(cl::Value::string(std::string("a\0b", 3))));
  MessageWriter nul;
  auto s = putClassAd(nul, bad);
  REQUIRE_FALSE(s);
  CHECK(s.error().code == Errc::StringHasNul);
}

// ---------------------------------------------------------------------------------------------
// SHARED_PORT_CONNECT

TEST_CASE("SHARED_PORT_CONNECT: defaults, ids, malformed requests") {
  auto r = encodeSharedPortConnect(SharedPortConnect{"collector"});
  REQUIRE(r);
  auto back = decodeSharedPortConnect(*r);
  REQUIRE(back);
  CHECK(back->clientName == "TOOL");
  CHECK(back->deadlineSeconds == -1);
  CHECK(back->extras.empty());
  for (const char* bad : {"", "a b", "sched<d", "x/y", "a\xff"})
    CHECK(encodeSharedPortConnect(SharedPortConnect{bad}).error().code == Errc::BadArgument);
  CHECK_FALSE(encodeSharedPortConnect(SharedPortConnect{std::string(1024, 'a')}));
  CHECK(encodeSharedPortConnect(SharedPortConnect{std::string(1023, 'a')}));
  CHECK_FALSE(encodeSharedPortConnect(SharedPortConnect{"collector", "TOOL", int64_t{1} << 40, {}}));
  auto extras = encodeSharedPortConnect(SharedPortConnect{"self", "TOOL", 5, {"x", "y"}});
  REQUIRE(extras);
  CHECK(decodeSharedPortConnect(*extras)->extras == std::vector<std::string>{"x", "y"});
  CHECK(sharedPortConnectResetsDigests("collector"));
  CHECK_FALSE(sharedPortConnectResetsDigests("self"));
  for (size_t cut = 0; cut < r->size(); ++cut)
    CHECK_FALSE(decodeSharedPortConnect(std::span<const uint8_t>(*r).first(cut)));
}

TEST_CASE("getClassAdLines: the same attributes getClassAd parses, as lines; a line with a newline is refused") {
  MessageWriter out;
  out.putInt(2).putString("A = 1").putString("B = \"x y\"").putString("Machine").putString("");
  auto message = std::move(out).finish();
  REQUIRE(message);
  MessageReader lines(*message);
  auto text = getClassAdLines(lines);
  REQUIRE(text);
  CHECK(*text == "A = 1\nB = \"x y\"\n");
  CHECK(lines.atEnd());

  MessageWriter bad;
  bad.putInt(1).putString("A = 1\nB = 2").putString("").putString("");
  auto badMessage = std::move(bad).finish();
  REQUIRE(badMessage);
  MessageReader badReader(*badMessage);
  auto refused = getClassAdLines(badReader);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::BadAttribute);
}

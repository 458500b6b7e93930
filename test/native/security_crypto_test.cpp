// The CEDAR crypto layer against recorded sessions with real HTCondor daemons (vectors/, copies
// of docs/protocol/captures 04, 05, 07): ECDH, session key, handshake digests and every AES-GCM
// packet, decrypted and re-encrypted byte for byte in both directions; then what must fail.
#include <doctest/doctest.h>

#include "captures.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "security/aes_gcm_stream.hpp"
#include "security/ecdh.hpp"
#include "security/handshake_digest.hpp"
#include "security/key_derivation.hpp"
#include "security/random.hpp"

using namespace htcondor::security;
using namespace test_captures;

namespace {

using Bytes = std::vector<std::uint8_t>;

PacketHeader headerOf(const Bytes& wire) {
  return fixed<kPacketHeaderSize>({wire.begin(), wire.begin() + 5});
}

// The client's transcript of a connection: every plaintext packet before the first encrypted
// one, after a leading SHARED_PORT_CONNECT (int64 75) if there is one.
HandshakeDigests clientDigests(const std::vector<Packet>& packets) {
  HandshakeTranscript transcript;
  for (const auto& p : packets) {
    if (p.encrypted) break;
    if (p.fromClient) {
      transcript.recordSent(p.wire);
    } else {
      transcript.recordReceived(p.wire);
    }
    const Bytes sharedPortConnect = hex("00 00 00 00 00 00 00 4b");
    if (&p == &packets.front() && p.fromClient &&
        std::equal(sharedPortConnect.begin(), sharedPortConnect.end(), p.wire.begin() + 5)) {
      transcript.reset();
    }
  }
  return transcript.freeze();
}

const Packet& firstEncrypted(const std::vector<Packet>& packets, bool fromClient) {
  for (const auto& p : packets) {
    if (p.encrypted && p.fromClient == fromClient) return p;
  }
  FAIL("no encrypted packet in that direction");
  return packets.front();
}

GcmIv sentIv(const Packet& first) {
  return fixed<kGcmIvSize>({first.wire.begin() + 5, first.wire.begin() + 5 + kGcmIvSize});
}

// Replays one connection on both ends: the client's stream must decrypt the server's packets
// and re-create its own byte for byte; the server's stream (its IV taken from its first packet,
// its digests the client's swapped) likewise the other way round.
void replayConnection(const std::vector<Packet>& packets, const SessionKey& key,
                      const Bytes& clientIv, const Bytes& firstSendAad, const Bytes& firstRecvAad) {
  HandshakeDigests client = clientDigests(packets);
  HandshakeDigests server{client.received, client.sent};
  const Packet& clientFirst = firstEncrypted(packets, true);
  const Packet& serverFirst = firstEncrypted(packets, false);
  CHECK(same(firstPacketAad(client.sent, client.received, headerOf(clientFirst.wire)),
             firstSendAad));
  CHECK(same(firstPacketAad(client.received, client.sent, headerOf(serverFirst.wire)),
             firstRecvAad));
  CHECK(same(sentIv(clientFirst), clientIv));

  AesGcmStream clientSide(key, fixed<kGcmIvSize>(clientIv), client);
  AesGcmStream serverSide(key, sentIv(serverFirst), server);
  int encrypted = 0;
  for (const auto& p : packets) {
    if (!p.encrypted) continue;
    ++encrypted;
    AesGcmStream& sender = p.fromClient ? clientSide : serverSide;
    AesGcmStream& receiver = p.fromClient ? serverSide : clientSide;
    auto opened = receiver.decryptPacket(p.wire);
    REQUIRE(opened);
    CHECK(*opened == p.plaintext);
    auto sealed = sender.encryptPacket(p.plaintext, p.wire[0] == 1);
    REQUIRE(sealed);
    CHECK(*sealed == p.wire);
  }
  CHECK(encrypted >= 2);
}

SessionKey keyFromEcdh(const Capture& c) {
  auto pair = EcdhKeyPair::fromPrivateKey(c.secret("ecdh_client_private"));
  REQUIRE(pair);
  CHECK(same(pair->publicKey(), c.secret("ecdh_client_public")));
  auto peer = fixed<kEcdhPublicKeySize>(c.secret("ecdh_server_public"));
  auto secret = pair->sharedSecret(peer);
  REQUIRE(secret);
  CHECK(same(*secret, c.secret("ecdh_shared_x")));
  auto key = deriveSessionKey(*secret);
  REQUIRE(key);
  CHECK(same(*key, c.secret("session_key")));
  return *key;
}

// Capture 04's session: client packet 11 (n = 0), server packets 10 (n = 0) and 12 (n = 1).
struct Session04 {
  Capture capture = loadCapture("04-idtokens-ecdh-aesgcm-testvector.hex");
  SessionKey key = fixed<kSessionKeySize>(capture.secret("session_key"));
  HandshakeDigests digests = clientDigests(capture.connections[0]);
  const Packet& serverFirst = capture.connections[0][9];
  const Packet& serverSecond = capture.connections[0][11];
  const Packet& clientFirst = capture.connections[0][10];

  AesGcmStream clientStream() const {
    return AesGcmStream(key, fixed<kGcmIvSize>(capture.secret("client_iv")), digests);
  }
};

}  // namespace

TEST_CASE("capture 04 (23.9.6, IDTOKENS): ECDH, key, digests and every AES packet") {
  Capture c = loadCapture("04-idtokens-ecdh-aesgcm-testvector.hex");
  REQUIRE(c.connections.size() == 1);
  REQUIRE(c.connections[0].size() == 12);
  SessionKey key = keyFromEcdh(c);
  // The base64 forms as sent in the auth-info and response ads.
  auto pair = EcdhKeyPair::fromPrivateKey(c.secret("ecdh_client_private"));
  REQUIRE(pair);
  CHECK(pair->publicKeyBase64() ==
        "BH4Cn7AL6YQREtlxFOjgAiicsbZhx/bP0vx/oNUmdaAF6t0RQkkcRvu1Fpqs1Vtc9KLI1ZokzRS+AnGuNsP7+m4=");
  auto server = decodeEcdhPublicKey(
      "BIqE0UYWTAdvn6nGGrVa0m051ehXgdNfgB7XDD+oVAaxM7INEtnZwyTpNfoI2q5Y9gEkPaage2VsttxpDgktXZQ=");
  REQUIRE(server);
  CHECK(same(*server, c.secret("ecdh_server_public")));
  replayConnection(c.connections[0], key, c.secret("client_iv"), c.secret("first_send_aad"),
                   c.secret("first_recv_aad"));
}

TEST_CASE("capture 05 (23.9.6): resumed session, cached key, new IVs and digests") {
  Capture c = loadCapture("05-resume-session-testvector.hex");
  REQUIRE(c.connections.size() == 1);
  REQUIRE(c.connections[0].size() == 5);
  replayConnection(c.connections[0], fixed<kSessionKeySize>(c.secret("session_key")),
                   c.secret("client_iv"), c.secret("first_send_aad"), c.secret("first_recv_aad"));
}

TEST_CASE("capture 07 (25.14.1): unauthenticated ECDH session, then its resumption") {
  Capture c = loadCapture("07-25.14.1-unauthenticated-ecdh-aesgcm-testvector.hex");
  REQUIRE(c.connections.size() == 2);
  REQUIRE(c.connections[0].size() == 5);
  REQUIRE(c.connections[1].size() == 4);
  SessionKey key = keyFromEcdh(c);
  for (int conn : {1, 2}) {
    CAPTURE(conn);
    std::string prefix = "connection " + std::to_string(conn) + " ";
    replayConnection(c.connections[conn - 1], key, c.secret(prefix + "client_iv"),
                     c.secret(prefix + "first_send_aad"), c.secret(prefix + "first_recv_aad"));
  }
}

TEST_CASE("every single-bit flip in a recorded record is rejected") {
  Session04 s;
  const Bytes& good = s.serverFirst.wire;
  for (std::size_t i = 0; i < good.size(); ++i) {
    CAPTURE(i);
    Bytes bad = good;
    bad[i] ^= static_cast<std::uint8_t>(1u << (i % 8));
    AesGcmStream stream = s.clientStream();
    auto opened = stream.decryptPacket(bad);
    REQUIRE_FALSE(opened);
    // The length bytes no longer match the payload; anything else fails the tag.
    CHECK(opened.error() == (i >= 1 && i < 5 ? CryptoError::MalformedRecord
                                             : CryptoError::AuthenticationFailed));
    // Fatal: not even the genuine packet is accepted afterwards.
    CHECK(stream.decryptPacket(good).error() == CryptoError::StreamFailed);
  }
}

TEST_CASE("a changed handshake transcript breaks the first packet") {
  Session04 s;
  HandshakeDigests tampered = s.digests;
  tampered.received[0] ^= 1;  // e.g. a policy ad altered in flight
  AesGcmStream stream(s.key, fixed<kGcmIvSize>(s.capture.secret("client_iv")), tampered);
  CHECK(stream.decryptPacket(s.serverFirst.wire).error() == CryptoError::AuthenticationFailed);
  // Digests in the wrong order are wrong too.
  AesGcmStream swapped(s.key, fixed<kGcmIvSize>(s.capture.secret("client_iv")),
                       {s.digests.received, s.digests.sent});
  CHECK(swapped.decryptPacket(s.serverFirst.wire).error() == CryptoError::AuthenticationFailed);
}

TEST_CASE("truncated records are rejected") {
  Session04 s;
  const Bytes& good = s.serverFirst.wire;
  SUBCASE("payload shorter than its header says") {
    AesGcmStream stream = s.clientStream();
    CHECK(stream.decryptPacket({good.begin(), good.end() - 1}).error() ==
          CryptoError::MalformedRecord);
  }
  SUBCASE("header rewritten to match the shorter payload") {
    Bytes cut(good.begin(), good.end() - 1);
    cut[4] = static_cast<std::uint8_t>(cut[4] - 1);
    AesGcmStream stream = s.clientStream();
    CHECK(stream.decryptPacket(cut).error() == CryptoError::AuthenticationFailed);
  }
  SUBCASE("too short for IV and tag, or even for a header") {
    AesGcmStream stream = s.clientStream();
    Bytes tiny = hex("01 00 00 00 1f");  // 31 bytes: the first packet needs 16 + 16
    tiny.resize(5 + 31);
    CHECK(stream.decryptPacket(tiny).error() == CryptoError::MalformedRecord);
    AesGcmStream other = s.clientStream();
    CHECK(other.decryptPacket(hex("01 00 00")).error() == CryptoError::MalformedRecord);
  }
}

TEST_CASE("records out of counter order are rejected") {
  Session04 s;
  SUBCASE("replayed") {
    AesGcmStream stream = s.clientStream();
    REQUIRE(stream.decryptPacket(s.serverFirst.wire));
    REQUIRE(stream.decryptPacket(s.serverSecond.wire));
    CHECK(stream.decryptPacket(s.serverSecond.wire).error() == CryptoError::AuthenticationFailed);
  }
  SUBCASE("replaying the first packet as the second") {
    AesGcmStream stream = s.clientStream();
    REQUIRE(stream.decryptPacket(s.serverFirst.wire));
    CHECK_FALSE(stream.decryptPacket(s.serverFirst.wire));
  }
  SUBCASE("the second packet without the first") {
    AesGcmStream stream = s.clientStream();
    CHECK(stream.decryptPacket(s.serverSecond.wire).error() == CryptoError::AuthenticationFailed);
  }
  SUBCASE("a packet dropped from a longer stream") {
    HandshakeDigests d{};
    AesGcmStream sender(s.key, fixed<kGcmIvSize>(hex("000102030405060708090a0b0c0d0e0f")), d);
    AesGcmStream receiver(s.key, fixed<kGcmIvSize>(hex("0f0e0d0c0b0a09080706050403020100")), d);
    Bytes text = hex("00 00 00 00 00 00 00 01");
    auto p0 = sender.encryptPacket(text, false);
    auto p1 = sender.encryptPacket(text, false);
    auto p2 = sender.encryptPacket(text, true);
    REQUIRE((p0 && p1 && p2));
    REQUIRE(receiver.decryptPacket(*p0));
    CHECK(receiver.decryptPacket(*p2).error() == CryptoError::AuthenticationFailed);
  }
  SUBCASE("the other direction's packet, same key") {
    AesGcmStream stream = s.clientStream();
    CHECK_FALSE(stream.decryptPacket(s.clientFirst.wire));
  }
}

TEST_CASE("packet IVs count in the first four bytes, big-endian, modulo 2^32") {
  // The collector's debug log: base 1776670232 = 69 e5 d6 18, the next packet 69 e5 d6 19.
  GcmIv base = fixed<kGcmIvSize>(hex("69e5d618aaaaaaaaaaaaaaaaaaaaaaaa"));
  CHECK(same(packetIv(base, 0), base));
  CHECK(same(packetIv(base, 1), hex("69e5d619aaaaaaaaaaaaaaaaaaaaaaaa")));
  CHECK(same(packetIv(base, 0x00000100), hex("69e5d718aaaaaaaaaaaaaaaaaaaaaaaa")));
  GcmIv top = fixed<kGcmIvSize>(hex("fffffffe0102030405060708090a0b0c"));
  CHECK(same(packetIv(top, 3), hex("000000010102030405060708090a0b0c")));
}

TEST_CASE("handshake digests: zeros for a silent direction, resets, freezing") {
  HandshakeTranscript t;
  HandshakeDigests none = t.freeze();
  CHECK(none.sent == Digest{});
  CHECK(none.received == Digest{});

  // A resumption without ResumeResponse: only the resume ad was sent.
  HandshakeTranscript resume;
  resume.recordSent(hex("01 00 00 00 01"));
  resume.recordSent(hex("00"));
  HandshakeDigests d = resume.freeze();
  CHECK(d.received == Digest{});
  // SHA-256 of 01 00 00 00 01 00, given as header then payload.
  CHECK(same(d.sent, hex("a90d4563c6a0ae0417ab3110f1ba68592833465954774201b0a69e8c457dc6ad")));
  HandshakeTranscript whole;
  whole.recordSent(hex("01 00 00 00 01 00"));
  CHECK(whole.freeze().sent == d.sent);

  resume.recordSent(hex("ff"));  // frozen: ignored
  CHECK(resume.freeze().sent == d.sent);
  resume.reset();
  CHECK_FALSE(resume.frozen());
  CHECK(resume.freeze().sent == Digest{});
}

TEST_CASE("ECDH public keys: base64 form and validation") {
  auto pair = EcdhKeyPair::generate();
  REQUIRE(pair);
  std::string text = pair->publicKeyBase64();
  CHECK(text.size() == 88);
  CHECK(text.starts_with("B"));  // 0x04, uncompressed
  auto back = decodeEcdhPublicKey(text);
  REQUIRE(back);
  CHECK(*back == pair->publicKey());

  CHECK(decodeEcdhPublicKey("").error() == CryptoError::InvalidPublicKey);
  CHECK(decodeEcdhPublicKey(text.substr(0, 87)).error() == CryptoError::InvalidPublicKey);
  CHECK(decodeEcdhPublicKey(text.substr(0, 86) + "!=").error() == CryptoError::InvalidPublicKey);
  // Y changed: no longer on the curve (an invalid-curve attack).
  EcdhPublicKey offCurve = pair->publicKey();
  offCurve[64] ^= 1;
  CHECK(decodeEcdhPublicKey(encodeEcdhPublicKey(offCurve)).error() ==
        CryptoError::InvalidPublicKey);
  CHECK(pair->sharedSecret(offCurve).error() == CryptoError::InvalidPublicKey);
  // Compressed prefix.
  EcdhPublicKey compressed = pair->publicKey();
  compressed[0] = 0x02;
  CHECK(pair->sharedSecret(compressed).error() == CryptoError::InvalidPublicKey);

  CHECK(EcdhKeyPair::fromPrivateKey(Bytes(32, 0)).error() == CryptoError::InvalidPrivateKey);
  CHECK(EcdhKeyPair::fromPrivateKey(Bytes(31, 1)).error() == CryptoError::InvalidPrivateKey);
  // n, the group order, is out of range.
  CHECK(EcdhKeyPair::fromPrivateKey(
            hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"))
            .error() == CryptoError::InvalidPrivateKey);
}

TEST_CASE("two fresh parties agree and talk, multi-packet messages included") {
  auto client = EcdhKeyPair::generate();
  auto server = EcdhKeyPair::generate();
  REQUIRE((client && server));
  CHECK(client->publicKey() != server->publicKey());
  auto serverKey = decodeEcdhPublicKey(server->publicKeyBase64());
  auto clientKey = decodeEcdhPublicKey(client->publicKeyBase64());
  REQUIRE((serverKey && clientKey));
  auto s1 = client->sharedSecret(*serverKey);
  auto s2 = server->sharedSecret(*clientKey);
  REQUIRE((s1 && s2));
  CHECK(*s1 == *s2);
  auto key = deriveSessionKey(*s1);
  REQUIRE(key);

  HandshakeTranscript ct, st;
  Bytes authInfo = hex("01 00 00 00 08 00 00 00 00 00 00 ea 6a");
  ct.recordSent(authInfo);
  st.recordReceived(authInfo);
  auto a = AesGcmStream::create(*key, ct.freeze());
  auto b = AesGcmStream::create(*key, st.freeze());
  REQUIRE((a && b));
  for (std::size_t size : {1u, 4091u, 4091u, 100u}) {
    Bytes text(size, static_cast<std::uint8_t>(size));
    auto wire = a->encryptPacket(text, size == 100);
    REQUIRE(wire);
    CHECK(wire->size() == 5 + size + 16 + (a->packetsSent() == 1 ? 16 : 0));
    auto back = b->decryptPacket(*wire);
    REQUIRE(back);
    CHECK(*back == text);
  }
  auto reply = b->encryptPacket(hex("00"), true);
  REQUIRE(reply);
  CHECK(a->decryptPacket(*reply));
}

TEST_CASE("encryption limits") {
  AesGcmStream stream(SessionKey{}, GcmIv{}, HandshakeDigests{});
  CHECK(stream.encryptPacket({}, true).error() == CryptoError::MalformedRecord);
  Bytes big(kMaxPacketPayload - 2 * kGcmTagSize + 1);
  CHECK(stream.encryptPacket(big, true).error() == CryptoError::RecordTooLarge);
  big.pop_back();
  auto first = stream.encryptPacket(big, true);
  REQUIRE(first);
  CHECK(first->size() == kPacketHeaderSize + kMaxPacketPayload);
  AesGcmStream receiver(SessionKey{}, GcmIv{}, HandshakeDigests{});
  CHECK(receiver.decryptPacket(*first));
}

TEST_CASE("HKDF-SHA256 matches RFC 5869 test case 1, and random bytes differ") {
  Bytes salt = hex("000102030405060708090a0b0c");
  Bytes info = hex("f0f1f2f3f4f5f6f7f8f9");
  Bytes okm(42);
  REQUIRE(hkdfSha256(Bytes(22, 0x0b), {reinterpret_cast<const char*>(salt.data()), salt.size()},
                     {reinterpret_cast<const char*>(info.data()), info.size()}, okm));
  CHECK(okm == hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b8871"
                   "85865"));
  CHECK(hkdfSha256(Bytes(32, 1), "htcondor", "keygen", std::span<std::uint8_t>{}).error() ==
        CryptoError::InvalidLength);

  Bytes r1(300), r2(300);  // more than one getentropy() call
  REQUIRE(randomBytes(r1));
  REQUIRE(randomBytes(r2));
  CHECK(r1 != r2);
  // Small draws come from one block of the CSPRNG's output: no 8 bytes are handed out twice,
  // across the blocks' edges too.
  std::set<Bytes> draws;
  for (int i = 0; i < 200; ++i) {
    Bytes small(8 + i % 9);
    REQUIRE(randomBytes(small));
    CHECK(draws.insert(Bytes(small.begin(), small.begin() + 8)).second);
  }
}

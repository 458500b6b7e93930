#include "security/auth_methods.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "cedar/message.hpp"

namespace htcondor::security {
namespace {

struct MethodEntry {
  AuthMethod method;
  std::string_view name;
};

constexpr std::array<MethodEntry, 11> kMethods{{
    {AuthMethod::ClaimToBe, "CLAIMTOBE"},
    {AuthMethod::Fs, "FS"},
    {AuthMethod::FsRemote, "FS_REMOTE"},
    {AuthMethod::Ntsspi, "NTSSPI"},
    {AuthMethod::Kerberos, "KERBEROS"},
    {AuthMethod::Anonymous, "ANONYMOUS"},
    {AuthMethod::Ssl, "SSL"},
    {AuthMethod::Password, "PASSWORD"},
    {AuthMethod::Munge, "MUNGE"},
    {AuthMethod::Token, "TOKEN"},
    {AuthMethod::SciTokens, "SCITOKENS"},
}};

bool sameNoCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto up = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; };
    return up(x) == up(y);
  });
}

}  // namespace

std::string_view methodName(AuthMethod method) {
  for (const auto& e : kMethods)
    if (e.method == method) return e.name;
  return "UNKNOWN";
}

std::optional<AuthMethod> methodFromName(std::string_view name) {
  if (sameNoCase(name, "IDTOKENS") || sameNoCase(name, "IDTOKEN") || sameNoCase(name, "TOKENS"))
    return AuthMethod::Token;
  for (const auto& e : kMethods)
    if (sameNoCase(name, e.name)) return e.method;
  return std::nullopt;
}

std::optional<AuthMethod> methodFromBit(std::int64_t bit) {
  for (const auto& e : kMethods)
    if (static_cast<std::int64_t>(e.method) == bit) return e.method;
  return std::nullopt;
}

std::vector<std::string> splitList(std::string_view list) {
  std::vector<std::string> items;
  std::string current;
  for (char c : list) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!current.empty()) items.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) items.push_back(std::move(current));
  return items;
}

std::string joinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ',';
    out += item;
  }
  return out;
}

std::string methodList(std::span<const AuthMethod> methods) {
  std::vector<std::string> names;
  for (AuthMethod m : methods) names.emplace_back(methodName(m));
  return joinList(names);
}

MethodSelector::MethodSelector(std::vector<std::string> serverList, std::vector<AuthMethod> clientMethods)
    : serverList_(std::move(serverList)), clientMethods_(std::move(clientMethods)) {
  for (const auto& name : serverList_) {
    auto m = methodFromName(name);
    if (m && std::find(clientMethods_.begin(), clientMethods_.end(), *m) != clientMethods_.end() &&
        std::find(remaining_.begin(), remaining_.end(), *m) == remaining_.end())
      remaining_.push_back(*m);
  }
}

std::uint32_t MethodSelector::bitmask() const {
  std::uint32_t mask = 0;
  for (AuthMethod m : remaining_) mask |= static_cast<std::uint32_t>(m);
  return mask;
}

HsResult<cedar::Bytes> MethodSelector::offer() const {
  if (remaining_.empty()) {
    return hsFail(HandshakeErrc::NoCommonMethod,
                  "no authentication method left to try: client supports " + methodList(clientMethods_) +
                      ", server offers " + (serverList_.empty() ? std::string("none") : joinList(serverList_)));
  }
  return encodeIntMessage(bitmask());
}

HsResult<AuthMethod> MethodSelector::choice(std::span<const std::uint8_t> message) const {
  auto bit = decodeIntMessage(message, "server's authentication method choice");
  if (!bit) return Failure<HandshakeError>{bit.error()};
  if (*bit == 0) {
    return hsFail(HandshakeErrc::NoCommonMethod,
                  "server accepted none of the offered authentication methods (" + methodList(remaining_) + ")");
  }
  auto method = methodFromBit(*bit);
  if (!method || std::find(remaining_.begin(), remaining_.end(), *method) == remaining_.end()) {
    return hsFail(HandshakeErrc::UnsupportedMethod, "server chose authentication method " + std::to_string(*bit) +
                                                        ", which the client did not offer (" +
                                                        methodList(remaining_) + ")");
  }
  return *method;
}

void MethodSelector::failed(AuthMethod method) { std::erase(remaining_, method); }

cedar::Bytes encodeGiveUp() { return encodeIntMessage(0); }

HsStatus checkKeyExchange(std::span<const std::uint8_t> message) {
  auto hasKey = decodeIntMessage(message, "key exchange (hasKey)");
  if (!hasKey) return Failure<HandshakeError>{hasKey.error()};
  if (*hasKey == 0) return hsOk();
  return hsFail(HandshakeErrc::PolicyConflict,
                "server sent a wrapped legacy session key (hasKey = " + std::to_string(*hasKey) +
                    "); this client only uses ECDH session keys");
}

cedar::Bytes encodeIntMessage(std::int64_t value) {
  cedar::MessageWriter out;
  out.putInt(value);
  return out.bytes();
}

HsResult<std::int64_t> decodeIntMessage(std::span<const std::uint8_t> message, std::string_view what) {
  cedar::MessageReader in(message);
  auto value = in.getInt64();
  if (!value || !in.finish()) {
    return hsFail(HandshakeErrc::MalformedMessage,
                  std::string(what) + ": expected one integer, got " + std::to_string(message.size()) + " bytes");
  }
  return *value;
}

}  // namespace htcondor::security

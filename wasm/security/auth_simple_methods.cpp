#include "security/auth_simple_methods.hpp"

#include <string>

#include "cedar/message.hpp"
#include "security/auth_methods.hpp"

namespace htcondor::security {
namespace {

HsStatus expectOne(std::span<const std::uint8_t> message, const char* method) {
  auto value = decodeIntMessage(message, std::string(method) + " reply");
  if (!value) return Failure<HandshakeError>{value.error()};
  if (*value != 1)
    return hsFail(HandshakeErrc::ServerRejected,
                  std::string("server refused ") + method + " authentication (status " + std::to_string(*value) + ")");
  return hsOk();
}

}  // namespace

HsResult<cedar::Bytes> claimToBeRequest(std::optional<std::string_view> name) {
  if (!name) return encodeIntMessage(0);
  cedar::MessageWriter out;
  out.putInt(1).putString(*name);
  auto bytes = std::move(out).finish();
  if (!bytes) return hsFail(HandshakeErrc::MalformedMessage, "CLAIMTOBE name: " + bytes.error().message);
  return std::move(*bytes);
}

HsStatus claimToBeReply(std::span<const std::uint8_t> message) { return expectOne(message, "CLAIMTOBE"); }

HsStatus anonymousReply(std::span<const std::uint8_t> message) { return expectOne(message, "ANONYMOUS"); }

}  // namespace htcondor::security

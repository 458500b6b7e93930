#include "cedar/shared_port.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace htcondor::cedar {

bool isValidSharedPortId(std::string_view id) {
  return !id.empty() && id.size() <= kMaxSharedPortField && std::all_of(id.begin(), id.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
         });
}

Result<Bytes> encodeSharedPortConnect(const SharedPortConnect& request) {
  if (!isValidSharedPortId(request.sharedPortId))
    return fail(Errc::BadArgument, "invalid shared port id '" + request.sharedPortId + "'");
  if (request.clientName.size() > kMaxSharedPortField)
    return fail(Errc::BadArgument, "client name longer than 1023 bytes");
  if (request.deadlineSeconds < INT32_MIN || request.deadlineSeconds > INT32_MAX)
    return fail(Errc::BadArgument, "deadline does not fit the 32-bit int the server reads");
  if (request.extras.size() > kMaxSharedPortExtras)
    return fail(Errc::BadArgument, "more than 100 extra strings");
  MessageWriter out(/*encrypted=*/false);
  out.putInt(kSharedPortConnect).putString(request.sharedPortId).putString(request.clientName);
  out.putInt(request.deadlineSeconds).putInt(static_cast<int64_t>(request.extras.size()));
  for (const std::string& extra : request.extras) out.putString(extra);
  return std::move(out).finish();
}

Result<SharedPortConnect> decodeSharedPortConnect(std::span<const uint8_t> message) {
  MessageReader in(message, /*encrypted=*/false);
  Result<int32_t> command = in.getInt();
  if (!command) return Failure<Error>{command.error()};
  if (*command != kSharedPortConnect)
    return fail(Errc::BadArgument, "command " + std::to_string(*command) + " is not SHARED_PORT_CONNECT");
  SharedPortConnect request;
  for (std::string* field : {&request.sharedPortId, &request.clientName}) {
    Result<std::string> s = in.getString();
    if (!s) return Failure<Error>{s.error()};
    if (s->size() > kMaxSharedPortField) return fail(Errc::BadString, "shared port field longer than 1023 bytes");
    *field = std::move(*s);
  }
  Result<int32_t> deadline = in.getInt();
  if (!deadline) return Failure<Error>{deadline.error()};
  request.deadlineSeconds = *deadline;
  Result<int32_t> extras = in.getInt();
  if (!extras) return Failure<Error>{extras.error()};
  if (*extras < 0 || static_cast<size_t>(*extras) > kMaxSharedPortExtras)
    return fail(Errc::BadAttributeCount, "shared port extra count " + std::to_string(*extras));
  for (int32_t i = 0; i < *extras; ++i) {
    Result<std::string> s = in.getString();
    if (!s) return Failure<Error>{s.error()};
    request.extras.push_back(std::move(*s));
  }
  Status end = in.finish();
  if (!end) return Failure<Error>{end.error()};
  return request;
}

}  // namespace htcondor::cedar

#include "cedar/error.hpp"

namespace htcondor::cedar {

const char* errcName(Errc code) {
  switch (code) {
    case Errc::BadPacketLength: return "BadPacketLength";
    case Errc::BadEndFlag: return "BadEndFlag";
    case Errc::MultiPacketRefused: return "MultiPacketRefused";
    case Errc::MessageTooLarge: return "MessageTooLarge";
    case Errc::TransformFailed: return "TransformFailed";
    case Errc::Truncated: return "Truncated";
    case Errc::UntouchedBytes: return "UntouchedBytes";
    case Errc::IntegerOverflow: return "IntegerOverflow";
    case Errc::BadString: return "BadString";
    case Errc::StringHasNul: return "StringHasNul";
    case Errc::BadAttributeCount: return "BadAttributeCount";
    case Errc::BadAttribute: return "BadAttribute";
    case Errc::BadArgument: return "BadArgument";
  }
  return "Unknown";
}

}  // namespace htcondor::cedar

// Errors of the CEDAR crypto layer are values: every operation returns a Result, never throws.
// Any error on a connection's crypto is fatal for that connection, as in HTCondor; the caller
// closes it.
#pragma once

#include <cstdint>
#include <variant>

#include "core/result.hpp"

namespace htcondor::security {

enum class CryptoError : std::uint8_t {
  RandomUnavailable,     // the platform CSPRNG failed
  InvalidPublicKey,      // not base64 of a 65-byte uncompressed point on P-256
  InvalidPrivateKey,     // not a scalar in [1, n-1]
  KeyAgreementFailed,
  InvalidLength,         // a key or output length the operation does not support
  MalformedRecord,       // header and payload disagree, or too short for IV and tag
  RecordTooLarge,        // payload would exceed CEDAR's 1 MiB packet limit
  AuthenticationFailed,  // GCM tag mismatch: tampered, truncated, replayed, reordered, wrong key
  CounterExhausted,      // 2^32 - 1 packets in one direction
  StreamFailed,          // an earlier packet in this direction failed; the stream is dead
  Internal,              // mbedTLS reported something that cannot happen with valid inputs
};

constexpr const char* describe(CryptoError e) {
  switch (e) {
    case CryptoError::RandomUnavailable: return "platform random source unavailable";
    case CryptoError::InvalidPublicKey: return "invalid ECDH public key";
    case CryptoError::InvalidPrivateKey: return "invalid ECDH private key";
    case CryptoError::KeyAgreementFailed: return "ECDH key agreement failed";
    case CryptoError::InvalidLength: return "unsupported key or output length";
    case CryptoError::MalformedRecord: return "malformed AES-GCM record";
    case CryptoError::RecordTooLarge: return "AES-GCM record exceeds the 1 MiB packet limit";
    case CryptoError::AuthenticationFailed: return "AES-GCM authentication failed";
    case CryptoError::CounterExhausted: return "AES-GCM packet counter exhausted";
    case CryptoError::StreamFailed: return "AES-GCM stream already failed";
    case CryptoError::Internal: return "internal crypto error";
  }
  return "unknown crypto error";
}

// The project's Result (core/result.hpp) with this layer's error; failures are built with
// htcondor::failure(CryptoError::...).
template <class T>
using Result = htcondor::Result<T, CryptoError>;
using Status = htcondor::Status<CryptoError>;
using htcondor::failure;

}  // namespace htcondor::security

// A TLS client over memory buffers (mbedTLS), for the SSL and SCITOKENS methods, which tunnel
// TLS records through CEDAR messages (protocol doc 7.6). Sans-IO: the caller moves the record
// bytes; this class only turns them into handshake progress and application data.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace htcondor::security {

template <class T>
using TlsResult = htcondor::Result<T, std::string>;

struct TlsSettings {
  std::string caPem;                      // trusted CA certificates (PEM); required
  std::optional<std::string> serverName;  // checked against the certificate (the sinful's alias); none: not checked
};

class TlsClient {
 public:
  enum class Step { WantRead, WantWrite, Done };

  // Fails (naming the cause) for unusable settings, e.g. no CA or a CA that does not parse.
  static TlsResult<std::unique_ptr<TlsClient>> create(const TlsSettings& settings);
  ~TlsClient();

  // Advances the handshake with what has been fed so far. The server's certificate is checked
  // apart (verifyServer), as HTCondor checks it after the handshake's last flight.
  TlsResult<Step> handshake();
  // Whether the certificate chains to the trusted CAs and names the expected server; the
  // error says why not.
  TlsResult<std::monostate> verifyServer() const;
  // Reads exactly `size` application bytes once they have arrived; nullopt: not yet.
  TlsResult<std::optional<std::vector<std::uint8_t>>> read(std::size_t size);
  TlsResult<std::monostate> write(std::span<const std::uint8_t> bytes);

  void feed(std::span<const std::uint8_t> records);       // from the server
  std::vector<std::uint8_t> takeOutgoing();               // to the server

 private:
  TlsClient();
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace htcondor::security

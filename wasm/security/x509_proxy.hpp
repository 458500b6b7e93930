// An X.509 proxy file as HTCondor reads one (X509Credential over OpenSSL's PEM readers): the
// first certificate, then its private key, then the chain; what condor_submit checks of it is
// when it expires, the earliest notAfter of the certificate and its chain.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace htcondor::security {

// Seconds since the epoch; nothing when the text holds no certificate followed by a private
// key that reads without a password (condor_submit's "unable to read proxy file").
std::optional<std::int64_t> x509ProxyExpiration(std::string_view pem);

}  // namespace htcondor::security

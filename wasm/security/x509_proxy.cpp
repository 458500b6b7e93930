#include "security/x509_proxy.hpp"

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include <mbedtls/pk.h>
#include <mbedtls/x509_crt.h>

#include "core/calendar.hpp"
#include "security/random.hpp"

namespace htcondor::security {

namespace {

struct PemBlock {
  std::string_view label;  // "CERTIFICATE", "RSA PRIVATE KEY", ...
  std::string text;        // BEGIN to END line, as mbedTLS's PEM readers take it
};

// The PEM blocks of `pem`, in order; text between them is ignored, as OpenSSL does.
std::vector<PemBlock> pemBlocks(std::string_view pem) {
  constexpr std::string_view kBegin = "-----BEGIN ", kEnd = "-----END ", kDashes = "-----";
  std::vector<PemBlock> out;
  for (std::size_t at = 0;;) {
    const auto begin = pem.find(kBegin, at);
    if (begin == std::string_view::npos) break;
    const auto labelAt = begin + kBegin.size();
    const auto labelEnd = pem.find(kDashes, labelAt);
    if (labelEnd == std::string_view::npos) break;
    const std::string_view label = pem.substr(labelAt, labelEnd - labelAt);
    const std::string footer = std::string(kEnd).append(label).append(kDashes);
    const auto end = pem.find(footer, labelEnd);
    if (end == std::string_view::npos) break;
    at = end + footer.size();
    out.push_back({label, std::string(pem.substr(begin, at - begin))});
  }
  return out;
}

bool isPrivateKey(std::string_view label) {
  constexpr std::string_view kKey = "PRIVATE KEY";
  return label.size() >= kKey.size() && label.substr(label.size() - kKey.size()) == kKey;
}

// mbedTLS reads PEM from a NUL-terminated buffer whose length counts the NUL.
const unsigned char* bytes(const std::string& text) { return reinterpret_cast<const unsigned char*>(text.c_str()); }

std::optional<std::int64_t> notAfter(const PemBlock& block) {
  mbedtls_x509_crt crt;
  mbedtls_x509_crt_init(&crt);
  std::optional<std::int64_t> seconds;
  if (mbedtls_x509_crt_parse(&crt, bytes(block.text), block.text.size() + 1) == 0) {
    const mbedtls_x509_time& t = crt.valid_to;
    std::tm tm{};
    tm.tm_year = t.year - 1900;
    tm.tm_mon = t.mon - 1;
    tm.tm_mday = t.day;
    tm.tm_hour = t.hour;
    tm.tm_min = t.min;
    tm.tm_sec = t.sec;
    seconds = utcEpoch(tm);
  }
  mbedtls_x509_crt_free(&crt);
  return seconds;
}

bool readsWithoutPassword(const PemBlock& block) {
  mbedtls_pk_context key;
  mbedtls_pk_init(&key);
  const int rc = mbedtls_pk_parse_key(&key, bytes(block.text), block.text.size() + 1, nullptr, 0, mbedtlsRandom, nullptr);
  mbedtls_pk_free(&key);
  return rc == 0;
}

}  // namespace

std::optional<std::int64_t> x509ProxyExpiration(std::string_view pem) {
  const auto blocks = pemBlocks(pem);
  // Each of OpenSSL's PEM readers passes over blocks of other kinds to the next of its own.
  auto next = [&](auto it, auto wanted) { return std::find_if(it, blocks.end(), [&](const PemBlock& b) { return wanted(b.label); }); };
  const auto isCertificate = [](std::string_view label) { return label == "CERTIFICATE"; };
  auto cert = next(blocks.begin(), isCertificate);
  if (cert == blocks.end()) return std::nullopt;
  auto expiration = notAfter(*cert);
  auto key = next(cert + 1, isPrivateKey);
  if (!expiration || key == blocks.end() || !readsWithoutPassword(*key)) return std::nullopt;
  // The chain: certificates until one does not read.
  for (auto it = next(key + 1, isCertificate); it != blocks.end(); it = next(it + 1, isCertificate)) {
    const auto expires = notAfter(*it);
    if (!expires) break;
    expiration = std::min(*expiration, *expires);
  }
  return expiration;
}

}  // namespace htcondor::security

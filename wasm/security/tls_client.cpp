#include "security/tls_client.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include <mbedtls/error.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>
#include <psa/crypto.h>

#include "security/random.hpp"

namespace htcondor::security {

struct TlsClient::State {
  mbedtls_ssl_config config;
  mbedtls_ssl_context ssl;
  mbedtls_x509_crt ca;
  std::vector<std::uint8_t> incoming;
  std::size_t consumed = 0;
  std::vector<std::uint8_t> outgoing;
  std::vector<std::uint8_t> received;  // application bytes read so far

  State() {
    mbedtls_ssl_config_init(&config);
    mbedtls_ssl_init(&ssl);
    mbedtls_x509_crt_init(&ca);
  }
  ~State() {
    mbedtls_ssl_free(&ssl);
    mbedtls_ssl_config_free(&config);
    mbedtls_x509_crt_free(&ca);
  }
};

namespace {

std::string tlsError(int code) {
  char text[160];
  mbedtls_strerror(code, text, sizeof text);
  return text;
}

}  // namespace

TlsClient::TlsClient() : state_(std::make_unique<State>()) {}
TlsClient::~TlsClient() = default;

TlsResult<std::unique_ptr<TlsClient>> TlsClient::create(const TlsSettings& settings) {
  // TLS 1.3 in mbedTLS runs on its PSA crypto layer, which must be started once.
  if (psa_crypto_init() != PSA_SUCCESS) return failure(std::string("TLS: the crypto library did not start"));
  if (settings.caPem.empty())
    return failure(std::string("SSL: no trusted CA certificates are configured (AUTH_SSL_CLIENT_CAFILE)"));
  std::unique_ptr<TlsClient> client(new TlsClient());
  State& s = *client->state_;
  // PEM input must include its terminating NUL.
  std::string pem = settings.caPem;
  if (int rc = mbedtls_x509_crt_parse(&s.ca, reinterpret_cast<const unsigned char*>(pem.c_str()), pem.size() + 1); rc < 0)
    return failure("SSL: the trusted CA certificates do not parse: " + tlsError(rc));
  if (int rc = mbedtls_ssl_config_defaults(&s.config, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM,
                                           MBEDTLS_SSL_PRESET_DEFAULT);
      rc != 0)
    return failure("TLS: " + tlsError(rc));
  mbedtls_ssl_conf_rng(&s.config, mbedtlsRandom, nullptr);
  mbedtls_ssl_conf_ca_chain(&s.config, &s.ca, nullptr);
  // Verified after the handshake, so that the error can say why the certificate failed.
  mbedtls_ssl_conf_authmode(&s.config, MBEDTLS_SSL_VERIFY_OPTIONAL);
  if (int rc = mbedtls_ssl_setup(&s.ssl, &s.config); rc != 0) return failure("TLS: " + tlsError(rc));
  const char* host = settings.serverName ? settings.serverName->c_str() : nullptr;
  if (int rc = mbedtls_ssl_set_hostname(&s.ssl, host); rc != 0) return failure("TLS: " + tlsError(rc));
  mbedtls_ssl_set_bio(
      &s.ssl, &s,
      [](void* ctx, const unsigned char* bytes, std::size_t size) {
        auto& out = static_cast<State*>(ctx)->outgoing;
        out.insert(out.end(), bytes, bytes + size);
        return static_cast<int>(size);
      },
      [](void* ctx, unsigned char* bytes, std::size_t size) {
        State& st = *static_cast<State*>(ctx);
        const std::size_t available = st.incoming.size() - st.consumed;
        if (available == 0) return MBEDTLS_ERR_SSL_WANT_READ;
        const std::size_t n = std::min(size, available);
        std::memcpy(bytes, st.incoming.data() + st.consumed, n);
        st.consumed += n;
        return static_cast<int>(n);
      },
      nullptr);
  return client;
}

void TlsClient::feed(std::span<const std::uint8_t> records) {
  State& s = *state_;
  s.incoming.erase(s.incoming.begin(), s.incoming.begin() + static_cast<std::ptrdiff_t>(s.consumed));
  s.consumed = 0;
  s.incoming.insert(s.incoming.end(), records.begin(), records.end());
}

std::vector<std::uint8_t> TlsClient::takeOutgoing() { return std::exchange(state_->outgoing, {}); }

TlsResult<TlsClient::Step> TlsClient::handshake() {
  State& s = *state_;
  const int rc = mbedtls_ssl_handshake(&s.ssl);
  if (rc == MBEDTLS_ERR_SSL_WANT_READ) return Step::WantRead;
  if (rc == MBEDTLS_ERR_SSL_WANT_WRITE) return Step::WantWrite;
  if (rc == 0) return Step::Done;
  return failure("SSL: TLS handshake failed: " + tlsError(rc));
}

TlsResult<std::monostate> TlsClient::verifyServer() const {
  const std::uint32_t flags = mbedtls_ssl_get_verify_result(&state_->ssl);
  if (flags == 0) return std::monostate{};
  if (flags == static_cast<std::uint32_t>(-1)) return failure(std::string("SSL: the daemon sent no certificate"));
  char why[512];
  mbedtls_x509_crt_verify_info(why, sizeof why, "", flags);
  std::string text(why);
  std::replace(text.begin(), text.end(), '\n', ';');
  while (!text.empty() && (text.back() == ';' || text.back() == ' ')) text.pop_back();
  return failure("SSL: the daemon's certificate is not trusted: " + text);
}

TlsResult<std::optional<std::vector<std::uint8_t>>> TlsClient::read(std::size_t size) {
  State& s = *state_;
  while (s.received.size() < size) {
    unsigned char buffer[4096];
    const int rc = mbedtls_ssl_read(&s.ssl, buffer, std::min(sizeof buffer, size - s.received.size()));
    if (rc > 0) {
      s.received.insert(s.received.end(), buffer, buffer + rc);
      continue;
    }
    // TLS 1.3 servers send session tickets after the handshake: nothing to do with them.
    if (rc == MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET) continue;
    if (rc == MBEDTLS_ERR_SSL_WANT_READ || rc == MBEDTLS_ERR_SSL_WANT_WRITE) return std::optional<std::vector<std::uint8_t>>{};
    if (rc == 0) return failure(std::string("SSL: the daemon closed the TLS session"));
    return failure("SSL: " + tlsError(rc));
  }
  std::vector<std::uint8_t> out(s.received.begin(), s.received.begin() + static_cast<std::ptrdiff_t>(size));
  s.received.erase(s.received.begin(), s.received.begin() + static_cast<std::ptrdiff_t>(size));
  return std::optional(std::move(out));
}

TlsResult<std::monostate> TlsClient::write(std::span<const std::uint8_t> bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const int rc = mbedtls_ssl_write(&state_->ssl, bytes.data() + done, bytes.size() - done);
    if (rc < 0) return failure("SSL: " + tlsError(rc));
    done += static_cast<std::size_t>(rc);
  }
  return std::monostate{};
}

}  // namespace htcondor::security

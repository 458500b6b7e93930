// The X.509 proxy reader (security/x509_proxy.hpp) on files made with OpenSSL 3.5: P-256 keys,
// self-signed certificates with set notAfter times.
#include <doctest/doctest.h>

#include <string>

#include "security/x509_proxy.hpp"

using htcondor::security::x509ProxyExpiration;

namespace {

// notAfter 2099-12-31 23:59:59 UTC, and its key.
const std::string kCert = R"(-----BEGIN CERTIFICATE-----
MIIBcDCCARWgAwIBAgIUcT7q4ExodpRGYrQfW741El9fik0wCgYIKoZIzj0EAwIw
DDEKMAgGA1UEAwwBMTAgFw0yMDAxMDEwMDAwMDBaGA8yMDk5MTIzMTIzNTk1OVow
DDEKMAgGA1UEAwwBMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABFv4bd4gwRrG
CcEZ75Z/2T+ffXHT5tAfkbS4tyCQCII57xaIlcolNT5+8WA/F8eTr2eBBYczYYkp
gAP5KZalXSmjUzBRMB0GA1UdDgQWBBSqr4iEdSCggSUVtseFs+CvLjAK3TAfBgNV
HSMEGDAWgBSqr4iEdSCggSUVtseFs+CvLjAK3TAPBgNVHRMBAf8EBTADAQH/MAoG
CCqGSM49BAMCA0kAMEYCIQDdJ16+Xcnqr3YZ6zN0NwQOLRT0aW6XmHgIc9Lbq2KE
fAIhAJD/LfY6LODKOv09a/D03f//HdcbmLCcpnyIx+ys7vH5
-----END CERTIFICATE-----
)";
const std::string kKey = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg11BLpCeVojB7Rz3N
H1SuQUZLhSKGonDXmnmBckLQACmhRANCAARb+G3eIMEaxgnBGe+Wf9k/n31x0+bQ
H5G0uLcgkAiCOe8WiJXKJTU+fvFgPxfHk69ngQWHM2GJKYAD+SmWpV0p
-----END PRIVATE KEY-----
)";
// notAfter 2080-06-30 12:00:00 UTC: a chain certificate.
const std::string kChain = R"(-----BEGIN CERTIFICATE-----
MIIBbzCCARWgAwIBAgIUQOP4ZZ5U+//ksB/ScMW2nuipmtkwCgYIKoZIzj0EAwIw
DDEKMAgGA1UEAwwBMjAgFw0yMDAxMDEwMDAwMDBaGA8yMDgwMDYzMDEyMDAwMFow
DDEKMAgGA1UEAwwBMjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABP5MRR07KM/5
/0xXgCEjrKc7RO8G45dReKkC8jMYw/te6qt11TprmoeK88ukWZ4zm2GQZn60oqdL
edooyvmlol6jUzBRMB0GA1UdDgQWBBTd8tSUaJCHfKbn58rtQ6LJ4fUCfzAfBgNV
HSMEGDAWgBTd8tSUaJCHfKbn58rtQ6LJ4fUCfzAPBgNVHRMBAf8EBTADAQH/MAoG
CCqGSM49BAMCA0gAMEUCIQDHahJhZXpLR/BBfv3ufONkHBG/oU0URj3AZSvZutEl
OAIgfQAGfVjvL5wn5IJdmi6cMu+LXq6LFN3sNOIxpmGtgfI=
-----END CERTIFICATE-----
)";
// notAfter 2021-01-01 00:00:00 UTC, and its key.
const std::string kExpired = R"(-----BEGIN CERTIFICATE-----
MIIBbDCCAROgAwIBAgIUEYtMGlt8s1m0LpG2UY2BaXIFZf4wCgYIKoZIzj0EAwIw
DDEKMAgGA1UEAwwBMzAeFw0yMDAxMDEwMDAwMDBaFw0yMTAxMDEwMDAwMDBaMAwx
CjAIBgNVBAMMATMwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASEsjC04kH6mymb
4kBA/3kU52H4x1f0sbprBuFjuFl8yA3befwyO7Y8uCrKbf0z6e63HNdS6s6PQfZ8
O+JXi2ZQo1MwUTAdBgNVHQ4EFgQUUpGYvh36bRUqBHG8AFpl5QzQMLAwHwYDVR0j
BBgwFoAUUpGYvh36bRUqBHG8AFpl5QzQMLAwDwYDVR0TAQH/BAUwAwEB/zAKBggq
hkjOPQQDAgNHADBEAiBxXDYEz4MQOPLFTWmt9mwkAu3/IcT4kPNeq8BclGM6awIg
bLLSzx8JtQo20U+DJAl87lHzCrNiyyEloWeiqRFYgS4=
-----END CERTIFICATE-----
)";
const std::string kExpiredKey = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgUlXt5idfepmC+dnU
xvfr5ZaVbwrn4X3rcMF0tPmNNUKhRANCAASEsjC04kH6mymb4kBA/3kU52H4x1f0
sbprBuFjuFl8yA3befwyO7Y8uCrKbf0z6e63HNdS6s6PQfZ8O+JXi2ZQ
-----END PRIVATE KEY-----
)";
// kKey under a password.
const std::string kEncryptedKey = R"(-----BEGIN ENCRYPTED PRIVATE KEY-----
MIH0MF8GCSqGSIb3DQEFDTBSMDEGCSqGSIb3DQEFDDAkBBDIOkKdDj3ZEIU8oqqN
ETFlAgIIADAMBggqhkiG9w0CCQUAMB0GCWCGSAFlAwQBKgQQoLmHa0p8foNiCxn3
tz7kDQSBkJ99EhZPGBVgnPDwf8mGos0QsYYma57gleFR2xppzjFMMnBJqQK49PZS
iLgcAFF4tA83+2PJ3pD3FUML8ap7Vwz50j0jR2QEqQMrhR0pqrok+4dw3IJhHjFK
DjDiAJbScDBI6bvSFY5BM9uvmt3YTadxWIvSleg9joU4wp91fOxsWJqnQlwVWEG+
QEbOj4MiBg==
-----END ENCRYPTED PRIVATE KEY-----
)";

}  // namespace

TEST_CASE("an X.509 proxy: certificate, key, chain; it expires with the first of them") {
  CHECK(x509ProxyExpiration(kCert + kKey) == 4102444799);
  CHECK(x509ProxyExpiration(kCert + kKey + kChain) == 3486974400);
  CHECK(x509ProxyExpiration(kExpired + kExpiredKey) == 1609459200);
  // Text around and between the blocks is passed over, as OpenSSL does.
  CHECK(x509ProxyExpiration("subject=/CN=1\n" + kCert + "\n" + kKey + "trailing words\n") == 4102444799);
  // The chain ends at the first certificate that does not read.
  std::string broken = kChain;
  broken[broken.find("MII") + 10] ^= 0x20;
  CHECK(x509ProxyExpiration(kCert + kKey + broken + kExpired) == 4102444799);
}

TEST_CASE("an X.509 proxy that does not read: no certificate, no key after it, a key under a password, a broken certificate") {
  CHECK_FALSE(x509ProxyExpiration(""));
  CHECK_FALSE(x509ProxyExpiration("not a proxy"));
  CHECK_FALSE(x509ProxyExpiration(kCert));
  CHECK_FALSE(x509ProxyExpiration(kKey + kCert));
  CHECK_FALSE(x509ProxyExpiration(kCert + kEncryptedKey));
  CHECK_FALSE(x509ProxyExpiration(kCert.substr(0, kCert.size() / 2) + kKey));
  std::string broken = kCert;
  broken[broken.find("MII") + 10] ^= 0x20;
  CHECK_FALSE(x509ProxyExpiration(broken + kKey));
}

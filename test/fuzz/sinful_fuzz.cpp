// libFuzzer target: sinful strings come from collector ads and configuration. Parsing any text
// must give an address or an error value; a parsed address must print in a form that parses to
// the same address and prints identically, and choosing where to connect must not crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "net/sinful.hpp"

using namespace htcondor::net;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto sinful = Sinful::parse(text);
  if (auto ip = IpAddress::parse(text)) {
    auto again = IpAddress::parse(ip->toString());
    // IPv4-mapped addresses print as IPv4, everything else prints to the same address.
    if (!again || (ip->isV4() == again->isV4() && !(*again == *ip))) __builtin_trap();
  }
  if (!sinful) return 0;
  // HTCondor prints what it parsed without checking the host, so only hosts that are IP
  // literals or plain names are sure to survive printing.
  const std::string& host = sinful->host();
  const bool plainHost = IpAddress::parse(host).has_value() ||
                         host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") ==
                             std::string::npos;
  // HTCondor prints every byte above 0x7f as %ff (kept for identical output), which is lossy.
  bool ascii = true;
  for (const auto& [key, value] : sinful->params())
    for (char c : key + value) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  const std::string printed = sinful->toString();
  auto reparsed = Sinful::parse(printed);
  if (plainHost && ascii && (!reparsed || reparsed->toString() != printed)) __builtin_trap();
  (void)chooseConnectAddress(*sinful);
  (void)chooseConnectAddress(*sinful, ConnectPolicy{.ipv4 = false, .ipv6 = true, .privateNetworkName = "x"});
  return 0;
}

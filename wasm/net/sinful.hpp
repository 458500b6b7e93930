// HTCondor daemon addresses ("sinful strings", src/condor_utils/condor_sinful.cpp):
//
//   "<" host [":" port] ["?" key[=value] *(("&" | ";") key[=value])] ">"
//
// with %XX-encoded keys and values. Parsing accepts every input form Sinful::Sinful accepts
// except the "{...}" source-route form of CCB brokers; printing reproduces
// regenerateSinfulString(); choosing where to connect follows Sock::chooseAddrFromAddrs and
// Daemon::Set_addr.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace htcondor::net {

// An IP address as condor_sockaddr holds one.
struct IpAddress {
  enum class Family : uint8_t { V4, V6 };
  Family family = Family::V4;
  std::array<uint8_t, 16> bytes{};  // IPv4 uses the first 4

  // inet_pton() of IPv4 then IPv6 (condor_sockaddr::from_ip_string); "[...]" brackets are
  // stripped first.
  static std::optional<IpAddress> parse(std::string_view text);
  // condor_sockaddr::to_ip_string(): inet_ntop() as glibc writes it, except that an
  // IPv4-mapped IPv6 address is written as plain IPv4.
  std::string toString() const;

  bool isV4() const { return family == Family::V4; }
  bool isV6() const { return family == Family::V6; }
  bool isLoopback() const;        // 127/8, ::1
  bool isLinkLocal() const;       // 169.254/16, fe80::/10
  bool isPrivateNetwork() const;  // 10/8, 172.16/12, 192.168/16, fc00::/7
  // condor_sockaddr::desirability(): IPv6 link-local 1, loopback 2, link-local 3, private 4,
  // anything else 5.
  int desirability() const;

  friend bool operator==(const IpAddress&, const IpAddress&) = default;
};

struct SocketAddress {
  IpAddress ip;
  uint16_t port = 0;

  // The "CCB-safe" form of an addrs entry: "127.0.0.1-9618", "[fd00--2]-9618".
  static std::optional<SocketAddress> fromCcbSafeString(std::string_view text);
  std::string toCcbSafeString() const;

  friend bool operator==(const SocketAddress&, const SocketAddress&) = default;
};

class Sinful {
 public:
  // Accepts "<...>", "[v6]:port" and bare "host:port" / bare IPv6 (wrapped as HTCondor
  // wraps them). The error says what is wrong.
  static Result<Sinful, std::string> parse(std::string_view text);

  // The host as written, without the brackets of an IPv6 literal; may be a host name.
  const std::string& host() const { return host_; }
  // The port digits as written; empty when there is none.
  const std::string& port() const { return port_; }
  // The port as a number, if there is one in 0..65535.
  std::optional<uint16_t> portNumber() const;

  // The decoded parameters, sorted by key as HTCondor stores them.
  const std::map<std::string, std::string>& params() const { return params_; }
  // A parameter's value ("" for a flag such as noUDP), or nullopt when absent.
  std::optional<std::string_view> param(const std::string& key) const;
  // Sets or (with nullopt) removes a parameter; "addrs" is parsed again.
  Result<std::monostate, std::string> setParam(const std::string& key, std::optional<std::string> value);

  // The parsed "addrs" list, in order.
  const std::vector<SocketAddress>& addrs() const { return addrs_; }
  std::optional<std::string_view> alias() const { return param("alias"); }
  std::optional<std::string_view> sharedPortId() const { return param("sock"); }
  std::optional<std::string_view> ccbId() const { return param("CCBID"); }
  std::optional<std::string_view> privateNetworkName() const { return param("PrivNet"); }
  std::optional<std::string_view> privateAddress() const { return param("PrivAddr"); }
  bool noUdp() const { return param("noUDP").has_value(); }

  void setHost(std::string host) { host_ = std::move(host); }
  void setPort(uint16_t port) { port_ = std::to_string(port); }

  // The sinful as HTCondor writes it: IPv6 hosts bracketed, parameters sorted by key, joined
  // with '&', %-encoded, flags as bare keys.
  std::string toString() const;

 private:
  std::string host_;
  std::string port_;
  std::map<std::string, std::string> params_;
  std::vector<SocketAddress> addrs_;
};

// What the client can do, as HTCondor's configuration tells a tool.
struct ConnectPolicy {
  bool ipv4 = true;  // ENABLE_IPV4
  bool ipv6 = true;  // ENABLE_IPV6
  // IGNORE_TARGET_PROTOCOL_PREFERENCE / PREFER_OUTBOUND_IPV4: order equally desirable
  // addresses by protocol instead of by their order in addrs.
  bool ignoreTargetProtocolPreference = false;
  bool preferOutboundIpv4 = false;
  // PRIVATE_NETWORK_NAME: the private network the client is on, if any.
  std::optional<std::string> privateNetworkName;
};

struct ConnectTarget {
  std::string host;  // IP literal (chosen from addrs) or the sinful's host, unbracketed
  uint16_t port = 0;
  std::optional<std::string> sharedPortId;  // send SHARED_PORT_CONNECT with this id first
  std::optional<std::string> alias;         // the daemon's host name, for SSL host checks
  Sinful sinful;                            // the address rewritten to the chosen host:port
};

// Where to open the TCP connection for `address` (section 1.2 of the protocol document):
// PrivNet/PrivAddr first, then the most desirable usable addrs entry, else host:port.
// Addresses reachable only by CCB reverse connection are an error: a client without a
// listening socket cannot use them.
Result<ConnectTarget, std::string> chooseConnectAddress(const Sinful& address, const ConnectPolicy& policy = {});

}  // namespace htcondor::net

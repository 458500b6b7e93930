// Sinful strings (transport-and-security.md section 1): every input form, HTCondor's printed
// form, IP literals as glibc reads and writes them, and the choice of address to connect to.
#include <doctest/doctest.h>

#include <string>

#include "net/sinful.hpp"

using namespace htcondor::net;

namespace {

Sinful parsed(const char* text) {
  auto r = Sinful::parse(text);
  if (!r) FAIL_CHECK(r.error());
  REQUIRE(r);
  return *r;
}

std::string ip(const char* text) {
  auto a = IpAddress::parse(text);
  return a ? a->toString() : "<invalid>";
}

}  // namespace

TEST_CASE("the pool's own addresses (section 1.1) parse and print back unchanged") {
  for (const char* text : {"<127.0.0.1:9618?addrs=127.0.0.1-9618+[fd00--2]-9618&alias=vm&noUDP&sock=collector>",
                           "<127.0.0.1:9618?addrs=127.0.0.1-9618+[fd00--2]-9618&alias=vm&noUDP&sock=schedd_13502_243a>",
                           "<192.0.2.2:9618?addrs=192.0.2.2-9618+[fd00--2]-9618&alias=vm&noUDP&sock=schedd_88346_e677>",
                           "<127.0.0.1:9720?addrs=127.0.0.1-9720&alias=vm&noUDP&sock=schedd_24914_c43c>",
                           "<127.0.0.1:9811?addrs=127.0.0.1-9811&alias=vm>", "<127.0.0.1:9720>", "<127.0.0.1:1>"}) {
    CHECK(parsed(text).toString() == text);
  }
  const Sinful s = parsed("<127.0.0.1:9618?addrs=127.0.0.1-9618+[fd00--2]-9618&alias=vm&noUDP&sock=collector>");
  CHECK(s.host() == "127.0.0.1");
  CHECK(s.port() == "9618");
  CHECK(s.portNumber() == 9618);
  CHECK(s.alias() == "vm");
  CHECK(s.sharedPortId() == "collector");
  CHECK(s.noUdp());
  CHECK_FALSE(s.ccbId());
  REQUIRE(s.addrs().size() == 2);
  CHECK(s.addrs()[0].ip.toString() == "127.0.0.1");
  CHECK(s.addrs()[0].port == 9618);
  CHECK(s.addrs()[1].ip.isV6());
  CHECK(s.addrs()[1].ip.toString() == "fd00::2");
  CHECK(s.addrs()[1].toCcbSafeString() == "[fd00--2]-9618");
}

TEST_CASE("other input forms are wrapped as Sinful::Sinful wraps them") {
  CHECK(parsed("[::1]:9618").toString() == "<[::1]:9618>");
  CHECK(parsed("[::1]:9618").host() == "::1");
  CHECK(parsed("cm.example.org:9618").toString() == "<cm.example.org:9618>");
  CHECK(parsed("cm.example.org").toString() == "<cm.example.org>");
  CHECK_FALSE(parsed("cm.example.org").portNumber());
  CHECK(parsed("fd00::2").toString() == "<[fd00::2]>");        // bare IPv6 gets brackets
  CHECK(parsed("1.2.3.4:5?a=b").toString() == "<1.2.3.4:5?a=b>");
  CHECK(parsed("<[fd00::2]:9618>").host() == "fd00::2");
  CHECK(parsed("<host:>").port().empty());
  CHECK(parsed("<>").host().empty());
  auto v1 = Sinful::parse("{[ p=\"primary\"; a=\"127.0.0.1\"; port=9811; n=\"Internet\"; ]}");
  REQUIRE_FALSE(v1);
  CHECK(v1.error().find("not supported") != std::string::npos);
}

TEST_CASE("parameters: either separator, %XX in either case, flags, last duplicate wins, sorted output") {
  const Sinful s = parsed("<h:1?sock=x;alias=a%2Fb&noUDP&&;k%3d=v%3D%3f&sock=y&CCBID=10.0.0.1:9618%23123>");
  CHECK(s.sharedPortId() == "y");
  CHECK(s.alias() == "a/b");
  CHECK(s.param("k=") == "v=?");
  CHECK(s.noUdp());
  CHECK(s.ccbId() == "10.0.0.1:9618#123");
  // Sorted by key (bytewise: upper case first), '&'-joined, lower-case %xx, ':' '#' kept.
  CHECK(s.toString() == "<h:1?CCBID=10.0.0.1:9618#123&alias=a%2fb&k%3d=v%3d%3f&noUDP&sock=y>");
  // Everything outside A-Z a-z 0-9 . _ - : # [ ] + is escaped; HTCondor writes high bytes as %ff.
  Sinful t = parsed("<h:1>");
  REQUIRE(t.setParam("x", std::string("a b&c;d>e\xc3\xa9")));
  CHECK(t.toString() == "<h:1?x=a%20b%26c%3bd%3ee%ff%ff>");
  REQUIRE(t.setParam("x", std::nullopt));
  CHECK(t.toString() == "<h:1>");
  REQUIRE_FALSE(t.setParam("addrs", std::string("nonsense")));
  REQUIRE(t.setParam("addrs", std::string("10.0.0.1-1+[::1]-2")));
  CHECK(t.addrs().size() == 2);
}

TEST_CASE("malformed sinful strings are errors") {
  for (const char* bad : {"", "<1.2.3.4:9618>x", "<1.2.3.4:96a18>", "<[::1:9618>", "<h:1?=x>", "<h:1?a%zz=1>",
                          "<h:1?a=%4>", "<h:1?addrs=1.2.3.4>", "<h:1?addrs=1.2.3.4-x>", "<h:1?addrs=999.1.1.1-5>",
                          "<h:1?addrs=1.2.3.4-70000>", "<h:1", "<h:1>>"}) {
    CHECK_MESSAGE(!Sinful::parse(bad), bad);
  }
}

TEST_CASE("IP literals: inet_pton and inet_ntop as glibc, IPv4-mapped written as IPv4") {
  CHECK(ip("127.0.0.1") == "127.0.0.1");
  CHECK(ip("::") == "::");
  CHECK(ip("::1") == "::1");
  CHECK(ip("1::") == "1::");
  CHECK(ip("FE80::1") == "fe80::1");
  CHECK(ip("[fd00::2]") == "fd00::2");
  CHECK(ip("::ffff:1.2.3.4") == "1.2.3.4");
  CHECK(ip("::1.2.3.4") == "::1.2.3.4");
  CHECK(ip("1:2:3:4:5:6:7:8") == "1:2:3:4:5:6:7:8");
  CHECK(ip("1:0:0:2:0:0:0:3") == "1:0:0:2::3");
  CHECK(ip("1:0:2:3:4:5:6:7") == "1:0:2:3:4:5:6:7");  // a single zero word is not compressed
  CHECK(ip("0001:00:0:0:0:0:0:0") == "1::");
  CHECK(ip("1:2:3:4:5:6:1.2.3.4") == "1:2:3:4:5:6:102:304");
  for (const char* bad : {"1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", ":1::", "1:", "1:2:3:4:5:6:7", "01.2.3.4",
                          "256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "::1.2.3", "[::1]x", "", "host"}) {
    CHECK_MESSAGE(ip(bad) == "<invalid>", bad);
  }
}

TEST_CASE("desirability and the CCB-safe form") {
  CHECK(IpAddress::parse("fe80::1")->desirability() == 1);
  CHECK(IpAddress::parse("127.0.0.1")->desirability() == 2);
  CHECK(IpAddress::parse("::1")->desirability() == 2);
  CHECK(IpAddress::parse("169.254.3.4")->desirability() == 3);
  CHECK(IpAddress::parse("10.1.2.3")->desirability() == 4);
  CHECK(IpAddress::parse("172.31.0.1")->desirability() == 4);
  CHECK(IpAddress::parse("172.32.0.1")->desirability() == 5);
  CHECK(IpAddress::parse("192.168.1.1")->desirability() == 4);
  CHECK(IpAddress::parse("fd00::2")->desirability() == 4);
  CHECK(IpAddress::parse("2001:db8::1")->desirability() == 5);
  CHECK(IpAddress::parse("192.0.2.2")->desirability() == 5);
  auto a = SocketAddress::fromCcbSafeString("[2001-db8--1]-443");
  REQUIRE(a);
  CHECK(a->ip.toString() == "2001:db8::1");
  CHECK(a->toCcbSafeString() == "[2001-db8--1]-443");
  CHECK(SocketAddress::fromCcbSafeString("1.2.3.4-0")->port == 0);
  CHECK_FALSE(SocketAddress::fromCcbSafeString("1.2.3.4"));
  CHECK_FALSE(SocketAddress::fromCcbSafeString("1.2.3.4-"));
}

TEST_CASE("choosing the address to connect to (section 1.2)") {
  const Sinful pool = parsed("<127.0.0.1:9618?addrs=127.0.0.1-9618+[fd00--2]-9618&alias=vm&noUDP&sock=collector>");
  auto both = chooseConnectAddress(pool);
  REQUIRE(both);
  CHECK(both->host == "fd00::2");  // private (4) beats loopback (2)
  CHECK(both->port == 9618);
  CHECK(both->sharedPortId == "collector");
  CHECK(both->alias == "vm");
  CHECK(both->sinful.toString() ==
        "<[fd00::2]:9618?addrs=127.0.0.1-9618+[fd00--2]-9618&alias=vm&noUDP&sock=collector>");
  auto v4 = chooseConnectAddress(pool, ConnectPolicy{.ipv4 = true, .ipv6 = false});
  REQUIRE(v4);
  CHECK(v4->host == "127.0.0.1");
  // Ties keep addrs order; the protocol preference re-orders them.
  const Sinful tie = parsed("<x:1?addrs=10.0.0.1-1+[fd00--1]-2>");
  CHECK(chooseConnectAddress(tie)->host == "10.0.0.1");
  CHECK(chooseConnectAddress(tie, ConnectPolicy{.ignoreTargetProtocolPreference = true})->host == "fd00::1");
  CHECK(chooseConnectAddress(tie, ConnectPolicy{.ignoreTargetProtocolPreference = true, .preferOutboundIpv4 = true})
            ->host == "10.0.0.1");
  // Without addrs: the host and port as written, a host name included.
  auto named = chooseConnectAddress(parsed("cm.example.org:9618"));
  REQUIRE(named);
  CHECK(named->host == "cm.example.org");
  CHECK_FALSE(named->sharedPortId);
  CHECK_FALSE(chooseConnectAddress(parsed("cm.example.org")));
  CHECK_FALSE(chooseConnectAddress(parsed("<x:1?addrs=[fd00--1]-2>"), ConnectPolicy{.ipv4 = true, .ipv6 = false}));
}

TEST_CASE("private networks and CCB") {
  const Sinful s = parsed("<203.0.113.5:9618?CCBID=203.0.113.9:9618%23101&PrivNet=lab&PrivAddr=%3c10.0.0.5:9618%3e&alias=n1>");
  auto outside = chooseConnectAddress(s);
  REQUIRE_FALSE(outside);
  CHECK(outside.error().find("CCB") != std::string::npos);
  auto inside = chooseConnectAddress(s, ConnectPolicy{.privateNetworkName = "lab"});
  REQUIRE(inside);
  CHECK(inside->host == "10.0.0.5");
  CHECK(inside->alias == "n1");  // kept from the public address
  const Sinful noPriv = parsed("<203.0.113.5:9618?CCBID=203.0.113.9:9618%23101&PrivNet=lab>");
  auto direct = chooseConnectAddress(noPriv, ConnectPolicy{.privateNetworkName = "lab"});
  REQUIRE(direct);  // same network, no private address: CCB dropped, public address used
  CHECK(direct->host == "203.0.113.5");
  CHECK(direct->sinful.toString() == "<203.0.113.5:9618?PrivNet=lab>");
  CHECK_FALSE(chooseConnectAddress(noPriv, ConnectPolicy{.privateNetworkName = "other"}));
}

// ClassAds on the wire (putClassAd/getClassAd of src/condor_utils/classad_oldnew.cpp):
//
//   int N, then N strings "Name = <old-syntax expression>", then two strings (the MyType and
//   TargetType slots: always "" from current senders, ignored by readers).
//
// A line "ZKM" announces that the next string is a private attribute (sent encrypted when a
// legacy key allows it); readers take the next string in its place.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "cedar/error.hpp"
#include "cedar/message.hpp"
#include "classad/classad.hpp"
#include "classad/references.hpp"

namespace htcondor::cedar {

// The marker line before a private attribute.
inline constexpr std::string_view kPrivateMarker = "ZKM";
// getClassAd (25.x) refuses more attributes; getPODClassAd refuses more than 100.
inline constexpr int32_t kMaxAdAttributes = 1'000'000;
inline constexpr int32_t kMaxPodAdAttributes = 100;

// V1 private attributes: Capability, ChildClaimIds, ClaimId, ClaimIdList, ClaimIds, TransferKey.
bool isPrivateAttributeV1(std::string_view name);
// V2 private attributes: names starting with "_condor_priv" (any case).
bool isPrivateAttributeV2(std::string_view name);

struct PutAdOptions {
  bool noPrivate = false;  // PUT_CLASSAD_NO_PRIVATE: withhold every private attribute
  bool noTypes = false;    // PUT_CLASSAD_NO_TYPES: omit the two trailing type strings
  // PUT_CLASSAD_SERVER_TIME: append "ServerTime = <value>". The caller supplies the clock.
  std::optional<int64_t> serverTime;
  // The peer's version is known and at least 9.9.0. Otherwise V2 private attributes are
  // withheld and V1 private attributes go out behind the ZKM marker, as HTCondor does.
  bool peerKnowsPrivateV2 = false;
  // Projection form: also send the attributes the listed ones refer to
  // (false = PUT_CLASSAD_NO_EXPAND_WHITELIST).
  bool expandWhitelist = true;
};

// The whole ad, in the ad's attribute order.
// "Name = Expr" as HTCondor's _putClassAd writes an attribute: the name as stored, the value in
// old syntax.
std::string attributeLine(std::string_view name, const classad::ExprTree& expr);

Status putClassAd(MessageWriter& out, const classad::ClassAd& ad, const PutAdOptions& options = {});
// Projection (whitelist) form: only the listed attributes that exist, in the set's sorted
// order, named as in the set.
Status putClassAd(MessageWriter& out, const classad::ClassAd& ad, const classad::References& whitelist,
                  const PutAdOptions& options = {});

struct GetAdOptions {
  bool noTypes = false;  // GET_CLASSAD_NO_TYPES: the sender used PUT_CLASSAD_NO_TYPES
  // getPODClassAd (25.x, pre-authentication ads): at most 100 attributes, each right-hand side
  // a single literal token, no ZKM lines.
  bool literalsOnly = false;
};

// Reads one ad. A line that does not parse fails the whole ad (HTCondor drops it too).
Result<std::shared_ptr<classad::ClassAd>> getClassAd(MessageReader& in, const GetAdOptions& options = {});

// Reads one ad's attribute lines without parsing them: "Name = Expr" lines joined by newlines,
// as the ad went over the wire. For ads that are only passed on to be parsed elsewhere (once)
// with classad::AdLinesReader.
Result<std::string> getClassAdLines(MessageReader& in, const GetAdOptions& options = {});

}  // namespace htcondor::cedar

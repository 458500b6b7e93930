// Matchmaking as HTCondor does it: each ad's Requirements evaluated with the other as TARGET.
#pragma once

#include <optional>
#include <string_view>

#include "classad/classad.hpp"
#include "classad/value.hpp"

namespace htcondor::classad {

// `ad`'s attribute `name` evaluated with `target` paired to it (undefined if it has none);
// nullopt on evaluation failure.
std::optional<Value> evaluateAttrAgainst(const ClassAd& ad, std::string_view name, const ClassAd* target);

// `ad`'s Requirements holds against `target` (true, or a non-zero number).
bool matches(const ClassAd& ad, const ClassAd& target);

// Both ads' Requirements hold against each other.
bool symmetricMatch(const ClassAd& a, const ClassAd& b);

}  // namespace htcondor::classad

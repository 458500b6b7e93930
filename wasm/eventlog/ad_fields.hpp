// Reading and writing an event's attributes as HTCondor's event classes do (ClassAd's
// LookupInteger/LookupString/LookupBool/LookupFloat and Assign): lookups evaluate the attribute
// and leave the out-parameter alone when it is missing or of another type.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "classad/classad.hpp"

namespace htcondor::eventlog {

using classad::ClassAd;

// A number: integer, real (truncated) or boolean (1 or 0).
bool lookupInt(const ClassAd& ad, std::string_view name, int64_t& out);
bool lookupInt(const ClassAd& ad, std::string_view name, int& out);
bool lookupReal(const ClassAd& ad, std::string_view name, double& out);
bool lookupString(const ClassAd& ad, std::string_view name, std::string& out);
// A boolean, or a number compared with zero.
bool lookupBool(const ClassAd& ad, std::string_view name, bool& out);
// A nested ad (a literal one, not evaluated).
std::shared_ptr<const ClassAd> lookupAd(const ClassAd& ad, std::string_view name);

// A copy to put into another ad (a tree lives in one ad: nested ads know their parent).
std::shared_ptr<ClassAd> copyAd(const ClassAd& ad);

void assignInt(ClassAd& ad, std::string name, int64_t value);
void assignReal(ClassAd& ad, std::string name, double value);
void assignString(ClassAd& ad, std::string name, std::string value);
void assignBool(ClassAd& ad, std::string name, bool value);

}  // namespace htcondor::eventlog

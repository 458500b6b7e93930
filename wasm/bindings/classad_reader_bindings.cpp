// The embind surface of the ad-stream reader (classad/ad_reader.hpp) and of the ad printers:
// reading ads in new, old or JSON syntax, and an ad's attributes and renderings.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "classad/ad_reader.hpp"
#include "classad/json_writer.hpp"
#include "classad/unparse.hpp"
#include "handles.hpp"

namespace {

using emscripten::val;
using htcondor::bindings::Ad;
namespace ca = htcondor::classad;

val adHandle(std::shared_ptr<ca::ClassAd> ad) { return val(std::make_shared<Ad>(Ad{std::move(ad)})); }

// parseAds(): {status: "ok" | "error" | "bad syntax", ads: AdHandle[], rest: string}.
val readAds(const std::string& text, const std::string& syntax) {
  val result = val::object();
  auto parsed = ca::adSyntaxFromName(syntax);
  if (!parsed) {
    result.set("status", "bad syntax");
    return result;
  }
  ca::AdStream stream = ca::readAds(text, *parsed);
  val ads = val::array();
  for (auto& ad : stream.ads) ads.call<void>("push", adHandle(ad));
  result.set("status", stream.error ? "error" : "ok");
  result.set("ads", ads);
  result.set("rest", stream.rest);
  return result;
}

// One reader step: {status: "ad" | "end" | "error" | "bad syntax", ad?: AdHandle, consumed:
// bytes of the UTF-8 text taken}.
val readNextAd(const std::string& text, const std::string& syntax) {
  val result = val::object();
  auto parsed = ca::adSyntaxFromName(syntax);
  if (!parsed) {
    result.set("status", "bad syntax");
    return result;
  }
  ca::AdRead read = ca::readNextAd(text, *parsed);
  static const char* const kStatus[] = {"ad", "end", "error"};
  result.set("status", kStatus[static_cast<int>(read.status)]);
  if (read.ad) result.set("ad", adHandle(read.ad));
  result.set("consumed", static_cast<double>(read.consumed));
  return result;
}

// Attribute names in storage order.
val adAttributeNames(const Ad& ad) {
  val names = val::array();
  for (const auto& entry : ad.ad->attributes()) names.call<void>("push", entry.first);
  return names;
}

// The attribute's expression in new syntax, or null if the ad has none.
val adAttributeUnparse(const Ad& ad, const std::string& name) {
  auto expr = ad.ad->lookup(name);
  return expr ? val(ca::unparse(*expr)) : val::null();
}

std::string adPretty(const Ad& ad) { return ca::unparse(*ad.ad, ca::Style::Pretty); }
std::string adOld(const Ad& ad) { return ca::unparseOldAttributes(*ad.ad); }
std::string adJson(const Ad& ad) { return ca::printJson(*ad.ad); }

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_classad_reader) {
  using namespace emscripten;
  function("readAds", &readAds);
  function("readNextAd", &readNextAd);
  function("adAttributeNames", &adAttributeNames);
  function("adAttributeUnparse", &adAttributeUnparse);
  function("adPretty", &adPretty);
  function("adOld", &adOld);
  function("adJson", &adJson);
}

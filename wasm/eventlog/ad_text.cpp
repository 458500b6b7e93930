#include "eventlog/ad_text.hpp"

#include <strings.h>

#include <algorithm>
#include <vector>

#include "classad/unparse.hpp"

namespace htcondor::eventlog {

void printAdAttrs(std::string& out, const classad::ClassAd& ad, std::string_view indent) {
  std::vector<const std::string*> names;
  for (const auto& [name, expr] : ad.attributes()) names.push_back(&name);
  std::sort(names.begin(), names.end(), [](const std::string* a, const std::string* b) { return strcasecmp(a->c_str(), b->c_str()) < 0; });
  for (const std::string* name : names) {
    out += indent;
    out += *name;
    out += " = ";
    out += classad::unparse(*ad.lookup(*name), classad::Style::Old);
    out += '\n';
  }
}

}  // namespace htcondor::eventlog

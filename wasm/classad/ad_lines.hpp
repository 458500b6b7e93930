// Ads from "Name = Expr" lines as daemons send them (cedar::getClassAdLines), a run of ads at a
// time. A run repeats most expressions from ad to ad (a cluster's Requirements, Cmd, Owner,
// its zeros and empty strings), so each distinct text is parsed once and its tree shared by
// every ad that has it: a tree evaluates in whatever ad it is found in, except lists and
// nested ads, which carry a scope of their own and so are parsed for each ad.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "classad/classad.hpp"

namespace htcondor::classad {

class AdLinesReader {
 public:
  // The ad of `lines` (one attribute a line); null, with error(), when a line does not parse.
  // Texts are remembered by view: what the reader was given must outlive it.
  std::shared_ptr<ClassAd> read(std::string_view lines);
  const std::string& error() const { return error_; }

 private:
  ExprPtr tree(std::string_view text);

  std::unordered_map<std::string_view, ExprPtr> trees_;
  std::string error_;
};

}  // namespace htcondor::classad

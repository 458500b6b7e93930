// HTCondor's XML ad format (ClassAdXMLParser), as job event logs written with log_xml use it:
// <c> ads of <a n="Name"> attributes holding <i>, <r>, <s>, <b v="t"/>, <e>, <l>, <c>, <un/>,
// <er/>, <at>, <rt> values.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "classad/classad.hpp"

namespace htcondor::classad {

struct XmlAdRead {
  enum class Status {
    Ad,          // `ad` is the next ad; `consumed` bytes of the text held it
    Incomplete,  // the text ends inside the ad
    Error,       // not an ad; `consumed` is where reading may go on
  };
  Status status = Status::Incomplete;
  std::shared_ptr<ClassAd> ad;
  size_t consumed = 0;
};

// The next <c> ad at the start of `text` (after white space and any prolog or <classads> tag).
XmlAdRead readXmlAd(std::string_view text);

}  // namespace htcondor::classad

// HTCondor's XML ad format (ClassAdXMLParser), as job event logs written with log_xml use it:
// <c> ads of <a n="Name"> attributes holding <i>, <r>, <s>, <b v="t"/>, <e>, <l>, <c>, <un/>,
// <er/>, <at>, <rt> values. Read as HTCondor's lexer and parser read them, quirks included:
// only &amp; &lt; &gt; are entities (others stay as written), strings take ClassAd backslash
// escapes, <e> text is parsed in new syntax, and an unknown tag inside an ad ends it.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "classad/classad.hpp"

namespace htcondor::classad {

struct XmlAdRead {
  enum class Status {
    Ad,          // `ad` is the next ad; `consumed` bytes of the text held it
    Incomplete,  // the text ends before the ad (or, after an error, before the bad ad) ends
    Error,       // not an ad; `consumed` is where reading may go on (after the bad ad's </c>)
  };
  Status status = Status::Incomplete;
  std::shared_ptr<ClassAd> ad;
  size_t consumed = 0;
};

// The next <c> ad at the start of `text` (after white space, any prolog, <classads> tag or other
// text HTCondor skips). Where HTCondor's reader, at the end of a file, returns what it has of an
// ad, this says Incomplete: the rest may still be written.
XmlAdRead readXmlAd(std::string_view text);

}  // namespace htcondor::classad

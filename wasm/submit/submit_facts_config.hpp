// The configuration knobs condor_submit reads, from a param() lookup into SubmitFacts: the one
// place their names are spelled. Unset knobs keep condor_submit's defaults.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "submit/submit_facts.hpp"

namespace htcondor::submit {

using ConfigLookup = std::function<std::optional<std::string>(std::string_view name)>;

SubmitFacts factsFromConfig(const ConfigLookup& param);

}  // namespace htcondor::submit

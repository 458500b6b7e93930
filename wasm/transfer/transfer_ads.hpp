// The ClassAds of the file-transfer protocol: the sandbox header's transfer info, the go-ahead
// answers, and the acknowledgement each side sends at the end of a sandbox.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "classad/classad.hpp"
#include "core/result.hpp"

namespace htcondor::transfer {

// H1: {SandboxSize = total bytes}.
std::shared_ptr<classad::ClassAd> transferInfoAd(std::int64_t sandboxSize);
// The SandboxSize of a received header ad (0 when absent, as HTCondor reads it).
std::int64_t sandboxSizeOf(const classad::ClassAd& info);

// Our go-ahead: always, for every further file. A downloader also names its byte limit (none).
std::shared_ptr<classad::ClassAd> goAheadAd(bool downloading);
// The peer's go-ahead Result (kGoAhead*); its refusal as the HoldReason it gave.
Result<std::int64_t, std::string> goAheadResult(const classad::ClassAd& ad);

// Our acknowledgement of a sandbox moved whole: {Result = 0, TransferStats = [CedarFilesCount = n]}.
std::shared_ptr<classad::ClassAd> successAckAd(std::int64_t files);
// The peer's acknowledgement: success, or its HoldReason.
Status<std::string> checkAck(const classad::ClassAd& ad);

// Command Other's ad on a download: only a report of an output the peer uploaded to a URL
// (SubCommand 7) is expected; its failure as the peer's ErrorString.
Status<std::string> checkUrlUploadReport(const classad::ClassAd& ad);

}  // namespace htcondor::transfer

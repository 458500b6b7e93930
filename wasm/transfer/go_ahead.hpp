// The go-ahead exchange (FileTransfer::ReceiveTransferGoAhead / ObtainAndSendTransferGoAhead):
// before a file moves, each side that has not yet been told "always" asks the other for
// permission. The uploader asks first, then answers; the downloader answers first, then asks.
#pragma once

#include "ops/async.hpp"
#include "ops/command_connection.hpp"

namespace htcondor::transfer {

// Tracks which directions still need a go-ahead; both stop once "always" was said.
struct GoAheadState {
  bool peerAlways = false;  // the peer let us go ahead with every further file
  bool ourAlways = false;   // we did the same for the peer
};

// Runs whatever part of the exchange is still needed before the next file.
ops::Async<Status<ops::Error>> exchangeGoAhead(ops::CommandConnection& c, GoAheadState& state, bool downloading);

}  // namespace htcondor::transfer

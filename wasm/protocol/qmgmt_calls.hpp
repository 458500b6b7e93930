// The calls a caller asks of a schedd's job queue (QMGMT, protocol doc commands-schedd-qmgmt 2),
// as one batch of bytes: what the main thread's Submit or edit() puts together and the worker's
// QMGMT conversation (ops/qmgmt.hpp) carries out, in order, on one connection. A small binary
// layout of our own, not HTCondor's: per call a kind byte, then its numbers (8 bytes each,
// little-endian) and strings (4-byte length, bytes) in the fixed order below.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace htcondor::protocol {

struct QmgmtCall {
  enum class Kind : uint8_t {
    NewCluster = 1,           // -> the cluster id
    NewProc,                  // cluster (0: the last new cluster), proc: the id the caller expects
    SetAttribute,             // cluster (0: the last new cluster), proc (-1: the cluster ad), name, value, flags
    DeleteAttribute,          // cluster, proc, name
    SetAttributeByConstraint, // text (the constraint), name, value, flags -> jobs matched
    SendMaterializeData,      // cluster, data (rows, each ending in \n) -> spooled file name and row count
    SetJobFactory,            // cluster, number (max materialize), text (the digest); name: the items file
    GetCapabilities,          // -> the schedd's capability ad
    Commit,                   // flags -> the commit ad (warnings)
    Abort,
    BeginTransaction,
  };
  Kind kind = Kind::NewCluster;
  int64_t cluster = 0;
  int64_t proc = 0;
  int64_t flags = 0;
  int64_t number = 0;
  std::string name;
  std::string value;  // ClassAd expression text
  std::string text;   // SetAttributeByConstraint's constraint, SendMaterializeData's rows, SetJobFactory's digest
};

class QmgmtCallWriter {
 public:
  QmgmtCallWriter& add(const QmgmtCall& call);
  std::size_t size() const { return bytes_.size(); }
  std::vector<uint8_t> take() { return std::move(bytes_); }

 private:
  std::vector<uint8_t> bytes_;
};

// The calls, or what is wrong with the bytes.
Result<std::vector<QmgmtCall>, std::string> readQmgmtCalls(std::span<const uint8_t> bytes);

}  // namespace htcondor::protocol

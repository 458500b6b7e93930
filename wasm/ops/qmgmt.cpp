#include "ops/qmgmt.hpp"

#include <algorithm>
#include <deque>
#include <utility>

#include "cedar/classad_wire.hpp"
#include "classad/eval.hpp"
#include "classad/unparse.hpp"
#include "protocol/qmgmt_calls.hpp"

namespace htcondor::ops {

namespace {

using protocol::QmgmtCall;
using Kind = QmgmtCall::Kind;

// RPC numbers (qmgmt_constants.h).
enum Rpc : int64_t {
  kNewCluster = 10002,
  kNewProc = 10003,
  kCommitNoFlags = 10007,
  kDeleteAttribute = 10012,
  kBeginTransaction = 10023,
  kAbortTransaction = 10024,
  kSetAttribute2 = 10027,
  kCloseSocket = 10028,
  kCommit = 10031,
  kSetAttributeByConstraint2 = 10032,
  kGetCapabilities = 10036,
  kSetJobFactory = 10037,
  kSendMaterializeData = 10039,
};
inline constexpr int64_t kQmgmtWrite = 1112;
inline constexpr int64_t kQmgmtRead = 1111;
inline constexpr int64_t kNoAck = 0x02;
inline constexpr std::size_t kMaterializeChunk = 64 * 1024;

// A call's answer: rval >= 0 is success; otherwise the schedd's errno and, from newer
// schedds, its reason.
struct Answer {
  int64_t rval = 0;
  int64_t err = 0;
  std::string reason;
};

// The schedd's errno is its own platform's number, not this build's (in WebAssembly errno
// follows WASI's numbering): the few qmgmt sets, the same on Linux, macOS and Windows.
enum SchedErrno : int64_t { kEperm = 1, kEnoent = 2, kEnomem = 12, kEacces = 13, kEinval = 22 };

std::string errnoText(int64_t code) {
  switch (code < 0 && code > -4096 ? -code : code) {  // schedds send it either sign
    case kEperm: return "Operation not permitted (EPERM)";
    case kEnoent: return "No such file or directory (ENOENT)";
    case kEnomem: return "Cannot allocate memory (ENOMEM)";
    case kEacces: return "Permission denied (EACCES)";
    case kEinval: return "Invalid argument (EINVAL)";
    default: return "errno " + std::to_string(code);
  }
}

// What NewCluster and NewProc mean by their negative answers (condor_qmgr.h's NEWJOB_ERR_*),
// in condor_submit's words.
const char* newJobRefusal(int64_t rval) {
  switch (rval) {
    case -2: return "Number of submitted jobs would exceed MAX_JOBS_SUBMITTED";
    case -3: return "Number of submitted jobs would exceed MAX_JOBS_PER_OWNER";
    case -4: return "Number of submitted jobs would exceed MAX_JOBS_PER_SUBMISSION";
    case -5: return "User is disabled";
    case -6: return "User is not known to the schedd";
    default: return nullptr;
  }
}

// What a refused call said: the schedd's own reason when it sent one, else what its answer
// code or errno means.
std::string refusal(const char* what, const Answer& a, bool newJob = false) {
  std::string out = std::string(what) + " failed";
  if (!a.reason.empty()) return out + ": " + a.reason;
  if (const char* meaning = newJob ? newJobRefusal(a.rval) : nullptr) return out + ": " + meaning;
  if (a.err == 0) return out + " (" + std::to_string(a.rval) + ")";
  return out + ": " + errnoText(a.err);
}

std::string errorReason(const classad::ClassAd& ad) {
  auto reason = classad::evaluateAttr(ad, "ErrorReason");
  return reason && reason->isString() ? reason->asString() : std::string();
}

class Conversation {
 public:
  Conversation(Io& io, CommandConnection& c) : io_(io), c_(c) {}

  // Carries out one call; an error ends the conversation.
  Async<Status<Error>> run(const QmgmtCall& call) {
    // Whatever the call reads must come after the answers still owed for new procs.
    if (call.kind != Kind::NewProc && call.kind != Kind::SetAttribute) {
      if (auto owed = co_await collectProcs(); !owed) co_return owed;
    }
    switch (call.kind) {
      case Kind::NewCluster: {
        auto m = c_.writer();
        m.putInt(kNewCluster);
        auto reply = co_await request(std::move(m), "creating a cluster", true);
        if (!reply) co_return failure(reply.error());
        lastCluster_ = *reply;
        io_.emit("cluster " + std::to_string(*reply));
        co_return std::monostate{};
      }
      case Kind::NewProc: {
        // Sent without waiting: the schedd answers in order, and the attributes that follow
        // need no answer, so a batch of procs costs one round trip instead of one each.
        auto m = c_.writer();
        m.putInt(kNewProc).putInt(cluster(call));
        if (auto sent = c_.send(std::move(m)); !sent) co_return failure(sent.error());
        pendingProcs_.push_back(call.proc);
        co_return std::monostate{};
      }
      case Kind::SetAttribute: {
        // Not answered: a refusal is reported by the commit.
        auto m = c_.writer();
        m.putInt(kSetAttribute2).putInt(cluster(call)).putInt(call.proc).putString(call.value).putString(call.name);
        m.putChar(static_cast<uint8_t>(call.flags | kNoAck));
        co_return c_.send(std::move(m));
      }
      case Kind::DeleteAttribute: {
        auto m = c_.writer();
        m.putInt(kDeleteAttribute).putInt(cluster(call)).putInt(call.proc).putString(call.name);
        auto reply = co_await request(std::move(m), ("deleting " + call.name).c_str());
        if (!reply) co_return failure(reply.error());
        io_.emit("ok");
        co_return std::monostate{};
      }
      case Kind::SetAttributeByConstraint: {
        // Always answered, NoAck or not: how many jobs matched (-1 and ENOENT for none).
        auto m = c_.writer();
        m.putInt(kSetAttributeByConstraint2).putString(call.text).putString(call.value).putString(call.name);
        m.putChar(static_cast<uint8_t>(call.flags | kNoAck));
        if (auto sent = c_.send(std::move(m)); !sent) co_return failure(sent.error());
        auto got = co_await answer();
        if (!got) co_return failure(got.error());
        // No match is a failure, as in both Python bindings.
        if (got->rval < 0 && got->err == kEnoent) co_return failure("no job matches the constraint " + call.text);
        if (got->rval < 0) co_return failure(refusal("setting an attribute by constraint", *got));
        io_.emit("matched " + std::to_string(got->rval));
        co_return std::monostate{};
      }
      case Kind::SendMaterializeData: {
        auto m = c_.writer();
        m.putInt(kSendMaterializeData).putInt(cluster(call)).putInt(0);
        const auto* rows = reinterpret_cast<const uint8_t*>(call.text.data());
        for (std::size_t at = 0; at < call.text.size(); at += kMaterializeChunk)
          m.putBytes(std::span(rows + at, std::min(kMaterializeChunk, call.text.size() - at)));
        auto reply = co_await exchange(std::move(m));
        if (!reply) co_return failure(reply.error());
        auto in = c_.reader(*reply);
        auto file = in.getString();
        if (!file) co_return failure(file.error().message);
        auto count = in.getInt64();
        if (!count) co_return failure(count.error().message);
        auto rval = in.getInt64();
        if (!rval) co_return failure(rval.error().message);
        if (*rval < 0) {
          auto err = in.getInt64();
          co_return failure(refusal("sending the item data", Answer{*rval, err ? *err : 0, ""}));
        }
        io_.emit("items " + std::to_string(*count) + " " + *file);
        co_return std::monostate{};
      }
      case Kind::SetJobFactory: {
        auto m = c_.writer();
        m.putInt(kSetJobFactory).putInt(cluster(call)).putInt(call.number).putString(call.name).putString(call.text);
        auto reply = co_await request(std::move(m), "setting up the job factory");
        if (!reply) co_return failure(reply.error());
        io_.emit("ok");
        co_return std::monostate{};
      }
      case Kind::GetCapabilities: {
        auto m = c_.writer();
        m.putInt(kGetCapabilities).putInt(0);
        auto reply = co_await exchange(std::move(m));
        if (!reply) co_return failure(reply.error());
        auto in = c_.reader(*reply);
        auto ad = cedar::getClassAd(in);
        if (!ad) co_return failure("the schedd's capabilities are malformed: " + ad.error().message);
        io_.emit("capabilities " + classad::unparse(**ad));
        co_return std::monostate{};
      }
      case Kind::Commit: {
        auto m = c_.writer();
        if (call.flags == 0) m.putInt(kCommitNoFlags);
        else m.putInt(kCommit).putInt(call.flags);
        auto reply = co_await exchange(std::move(m));
        if (!reply) co_return failure(reply.error());
        auto in = c_.reader(*reply);
        auto rval = in.getInt64();
        if (!rval) co_return failure(rval.error().message);
        int64_t err = 0;
        if (*rval < 0) {
          auto e = in.getInt64();
          if (!e) co_return failure(e.error().message);
          err = *e;
        }
        // The ad follows only for clients the schedd believes new enough; peek for it.
        std::shared_ptr<classad::ClassAd> ad = std::make_shared<classad::ClassAd>();
        if (!in.atEnd()) {
          auto got = cedar::getClassAd(in);
          if (!got) co_return failure("the schedd's commit reply is malformed: " + got.error().message);
          ad = *got;
        }
        if (*rval < 0) co_return failure(refusal("committing the transaction", Answer{*rval, err, errorReason(*ad)}));
        io_.emit("commit " + classad::unparse(*ad));
        co_return std::monostate{};
      }
      case Kind::Abort:
      case Kind::BeginTransaction: {
        auto m = c_.writer();
        m.putInt(call.kind == Kind::Abort ? kAbortTransaction : kBeginTransaction);
        auto reply = co_await request(std::move(m), call.kind == Kind::Abort ? "aborting the transaction" : "beginning a transaction");
        if (!reply) co_return failure(reply.error());
        io_.emit("ok");
        co_return std::monostate{};
      }
    }
    co_return failure(std::string("unknown queue call"));
  }

  // The answers to new procs sent ahead, in order: each must be the proc the caller expects.
  Async<Status<Error>> collectProcs() {
    while (!pendingProcs_.empty()) {
      const int64_t expected = pendingProcs_.front();
      pendingProcs_.pop_front();
      auto got = co_await answer();
      if (!got) co_return failure(got.error());
      if (got->rval < 0) co_return failure(refusal("creating a job", *got, true));
      if (got->rval != expected)
        co_return failure("the schedd numbered the new job " + std::to_string(got->rval) + ", not " + std::to_string(expected));
      io_.emit("proc " + std::to_string(got->rval));
    }
    co_return std::monostate{};
  }

  // CloseSocket: the schedd stops reading and aborts what was not committed.
  void end() {
    auto m = c_.writer();
    m.putInt(kCloseSocket);
    (void)c_.send(std::move(m));
  }

 private:
  int64_t cluster(const QmgmtCall& call) const { return call.cluster == 0 ? lastCluster_ : call.cluster; }

  // The answer "int rval [, int errno [, ClassAd{ErrorReason}]]" most calls get.
  Async<Result<Answer, Error>> answer() {
    auto reply = co_await c_.receive();
    if (!reply) co_return failure(reply.error());
    auto in = c_.reader(*reply);
    auto rval = in.getInt64();
    if (!rval) co_return failure(rval.error().message);
    Answer out{*rval, 0, ""};
    if (out.rval >= 0) co_return out;
    if (auto err = in.getInt64()) out.err = *err;
    if (!in.atEnd()) {
      if (auto ad = cedar::getClassAd(in)) out.reason = errorReason(**ad);
    }
    co_return out;
  }

  // A call whose reply is not the usual answer (rval, errno, reason): the reply message itself.
  Async<Result<Bytes, Error>> exchange(cedar::MessageWriter message) {
    if (auto sent = c_.send(std::move(message)); !sent) co_return failure(sent.error());
    auto reply = co_await c_.receive();
    if (!reply) co_return failure(reply.error());
    co_return std::move(*reply);
  }

  // A call answered the usual way: its rval, or the refusal.
  Async<Result<int64_t, Error>> request(cedar::MessageWriter message, std::string what, bool newJob = false) {
    if (auto sent = c_.send(std::move(message)); !sent) co_return failure(sent.error());
    auto got = co_await answer();
    if (!got) co_return failure(got.error());
    if (got->rval < 0) co_return failure(refusal(what.c_str(), *got, newJob));
    co_return got->rval;
  }

  Io& io_;
  CommandConnection& c_;
  int64_t lastCluster_ = 0;
  std::deque<int64_t> pendingProcs_;
};

}  // namespace

Task qmgmt(Io& io, security::SessionCache& sessions, SecurityOptions security, QmgmtOpen request) {
  auto target = CommandRequest::to(request.address, request.write ? kQmgmtWrite : kQmgmtRead);
  if (!target) co_return io.finish(target.error(), ErrorKind::Value);
  if (request.deadline > 0) io.setDeadline(request.deadline);

  auto connection = co_await startCommand(io, sessions, security, *target);
  if (!connection) co_return io.finish(connection.error());
  Conversation conversation(io, **connection);
  io.emit("ready");
  for (;;) {
    const Bytes input = co_await nextInput(io);
    auto calls = protocol::readQmgmtCalls(input);
    if (!calls) co_return io.finish(calls.error(), ErrorKind::Internal);
    if (calls->empty()) break;
    for (const auto& call : *calls) {
      auto done = co_await conversation.run(call);
      if (!done) co_return io.finish(done.error());
    }
    if (auto owed = co_await conversation.collectProcs(); !owed) co_return io.finish(owed.error());
  }
  conversation.end();
  io.finish(std::nullopt);
}

}  // namespace htcondor::ops

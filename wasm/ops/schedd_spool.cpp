#include "ops/schedd_spool.hpp"

#include <utility>

#include "ops/transfer_command.hpp"
#include "transfer/transfer_protocol.hpp"

namespace htcondor::ops {

namespace {

constexpr std::int64_t kSpoolJobFilesWithPerms = 488;

std::string jobId(const SpoolJob& job) { return std::to_string(job.cluster) + "." + std::to_string(job.proc); }

// The schedd checks the ids only after reading them all, and answers a job it will not take
// (not the caller's, not waiting for its input, spooled already) by closing the connection.
std::string transferFailure(const SpoolJob& job, const Error& why) {
  std::string text = "File transfer failed for target job " + jobId(job) + ": " + why;
  if (why.ends_with("the daemon closed the connection"))
    text += " (the schedd refuses jobs that are not yours, not held for spooling, or spooled already)";
  return text;
}

}  // namespace

Task scheddSpool(Io& io, security::SessionCache& sessions, SecurityOptions security, ScheddSpool request) {
  if (request.jobs.empty()) co_return io.finish("no jobs to spool", ErrorKind::Value);
  auto opened = co_await openTransferCommand(io, sessions, security, request.address, kSpoolJobFilesWithPerms, request.deadline);
  if (!opened) co_return io.finish(opened.error().message, opened.error().kind);
  auto& c = *opened->connection;
  auto& hello = opened->request;
  hello.putInt(static_cast<std::int64_t>(request.jobs.size()));
  if (auto sent = c.send(std::move(hello)); !sent) co_return io.finish(sent.error());
  auto ids = c.writer();
  for (const auto& job : request.jobs) ids.putInt(job.cluster).putInt(job.proc);
  if (auto sent = c.send(std::move(ids)); !sent) co_return io.finish(sent.error());

  for (std::size_t i = 0; i < request.jobs.size(); ++i) {
    const auto& job = request.jobs[i];
    auto uploaded = co_await transfer::uploadSandbox(io, c, static_cast<std::int64_t>(i), job.entries);
    if (!uploaded) co_return io.finish(transferFailure(job, uploaded.error()));
  }
  auto reply = co_await c.receive();
  if (!reply) co_return io.finish("no answer from the schedd after spooling: " + reply.error());
  auto in = c.reader(*reply);
  auto ok = in.getInt64();
  if (!ok || *ok != transfer::kSpoolOk) co_return io.finish(std::string("the schedd did not accept the spooled files"));
  io.finish(std::nullopt);
}

}  // namespace htcondor::ops

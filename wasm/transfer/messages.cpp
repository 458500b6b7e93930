#include "transfer/messages.hpp"

#include <string>
#include <utility>

#include "cedar/classad_wire.hpp"

namespace htcondor::transfer {

Status<ops::Error> sendInt(ops::CommandConnection& c, std::int64_t value) {
  auto message = c.writer();
  message.putInt(value);
  return c.send(std::move(message));
}

ops::Async<Result<std::int64_t, ops::Error>> receiveInt(ops::CommandConnection& c, const char* what) {
  auto message = co_await c.receive();
  if (!message) co_return failure(std::string("no ") + what + ": " + message.error());
  auto in = c.reader(*message);
  auto value = in.getInt64();
  if (!value) co_return failure(std::string("malformed ") + what + ": " + value.error().message);
  co_return *value;
}

ops::Async<Result<std::shared_ptr<classad::ClassAd>, ops::Error>> receiveAd(ops::CommandConnection& c, const char* what) {
  auto message = co_await c.receive();
  if (!message) co_return failure(std::string("no ") + what + ": " + message.error());
  auto in = c.reader(*message);
  auto ad = cedar::getClassAd(in);
  if (!ad) co_return failure(std::string("malformed ") + what + ": " + ad.error().message);
  co_return std::move(*ad);
}

}  // namespace htcondor::transfer

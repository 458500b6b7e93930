// The event log corpus (shared/conformance/eventlog, recorded from HTCondor 23.9.6's Python
// bindings) through the core's reader: every event's type, job id, timestamp, fields with their
// Python types, and str(). The TypeScript conformance runner checks the same through the WASM
// build; this one runs natively, under the sanitizers.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "classad/eval.hpp"
#include "classad/json_parser.hpp"
#include "classad/unparse.hpp"
#include "eventlog/event_number.hpp"
#include "eventlog/log_reader.hpp"
#include "shared_files.hpp"

namespace {

using htcondor::classad::ClassAd;
using htcondor::classad::Value;
using namespace htcondor::eventlog;

std::shared_ptr<ClassAd> parseJson(const std::string& text) {
  htcondor::classad::JsonParser parser(text);
  auto ad = parser.parseClassAd();
  REQUIRE(ad);
  return ad;
}

Value valueOf(const ClassAd& ad, std::string_view name) { return htcondor::classad::evaluateAttr(ad, name).value_or(Value::error()); }

std::string str(const ClassAd& ad, std::string_view name) {
  Value v = valueOf(ad, name);
  return v.isString() ? v.asString() : "";
}

std::vector<Value> items(const Value& list) {
  std::vector<Value> out;
  if (!list.isList()) return out;
  for (const auto& item : list.asList()->items()) out.push_back(htcondor::classad::evaluateIn(*item, nullptr).value_or(Value::error()));
  return out;
}

// A field as the corpus types it (the Python type of the bindings' value), compared.
void compareField(const Value& expected, const Value& actual, const std::string& where, std::vector<std::string>& problems) {
  const auto& typed = *expected.asClassAd();
  const std::string type = str(typed, "type");
  const Value want = valueOf(typed, "value");
  auto mismatch = [&](const std::string& got) { problems.push_back(where + ": " + got + ", expected " + type + " " + htcondor::classad::unparse(want)); };
  if (type == "int") {
    if (!actual.isInteger() || actual.asInteger() != want.asInteger()) mismatch(htcondor::classad::unparse(actual));
  } else if (type == "float") {
    if (!actual.isReal() || actual.asReal() != want.numberAsReal()) mismatch(htcondor::classad::unparse(actual));
  } else if (type == "str") {
    if (!actual.isString() || actual.asString() != want.asString()) mismatch(htcondor::classad::unparse(actual));
  } else if (type == "bool") {
    if (!actual.isBoolean() || actual.asBoolean() != want.asBoolean()) mismatch(htcondor::classad::unparse(actual));
  } else if (type == "dict") {
    if (!actual.isClassAd()) return mismatch(htcondor::classad::unparse(actual));
    const ClassAd& mine = *actual.asClassAd();
    const ClassAd& theirs = *want.asClassAd();
    if (mine.size() != theirs.size()) problems.push_back(where + ": " + std::to_string(mine.size()) + " attributes, expected " + std::to_string(theirs.size()));
    for (const auto& [name, _] : theirs.attributes()) compareField(valueOf(theirs, name), valueOf(mine, name), where + "." + name, problems);
  } else {
    problems.push_back(where + ": unknown type " + type);
  }
}

std::vector<std::string> compareEvent(const ClassAd& expected, const Event& event, const std::string& where) {
  std::vector<std::string> problems;
  auto expectInt = [&](std::string_view name, int64_t got) {
    Value want = valueOf(expected, name);
    if (!want.isInteger() || want.asInteger() != got) problems.push_back(where + " " + std::string(name) + ": " + std::to_string(got) + ", expected " + htcondor::classad::unparse(want));
  };
  expectInt("type", event.number());
  expectInt("cluster", event.cluster);
  expectInt("proc", event.proc);
  expectInt("timestamp", event.clock);
  Value typeName = valueOf(expected, "type_name");
  auto name = eventTypeName(event.number());
  if (typeName.isString() ? (!name || *name != typeName.asString()) : name.has_value()) problems.push_back(where + " type_name differs");
  auto ad = event.toAd();
  Value fields = valueOf(expected, "fields");
  if (fields.isClassAd() && !ad) problems.push_back(where + " has no ad");
  if (fields.isClassAd() && ad) {
    const ClassAd& want = *fields.asClassAd();
    for (const auto& [field, _] : want.attributes()) {
      if (!ad->lookup(field)) problems.push_back(where + " missing field " + field);
      else compareField(valueOf(want, field), valueOf(*ad, field), where + " " + field, problems);
    }
    for (const auto& [field, _] : ad->attributes()) {
      if (!want.lookup(field)) problems.push_back(where + " extra field " + field + " = " + htcondor::classad::unparse(*ad->lookup(field)));
    }
  }
  Value text = valueOf(expected, "str");
  if (text.isString() && event.format() != text.asString()) problems.push_back(where + " str:\n" + event.format() + "expected:\n" + text.asString());
  return problems;
}

std::vector<std::unique_ptr<Event>> drain(EventLogReader& reader, std::vector<std::string>& problems, const std::string& where) {
  std::vector<std::unique_ptr<Event>> events;
  for (;;) {
    ReadOutcome out = reader.next();
    if (out.status == ReadOutcome::Status::NoEvent) break;
    if (out.status == ReadOutcome::Status::Error) {
      problems.push_back(where + ": read error: " + out.message);
      break;
    }
    events.push_back(std::move(out.event));
  }
  return events;
}

void compareAll(const std::vector<Value>& expected, const std::vector<std::unique_ptr<Event>>& events, const std::string& where,
                std::vector<std::string>& problems) {
  if (expected.size() != events.size()) problems.push_back(where + ": " + std::to_string(events.size()) + " events, expected " + std::to_string(expected.size()));
  for (size_t i = 0; i < expected.size() && i < events.size(); ++i) {
    auto more = compareEvent(*expected[i].asClassAd(), *events[i], where + " event " + std::to_string(i));
    problems.insert(problems.end(), more.begin(), more.end());
  }
}

}  // namespace

TEST_CASE("every case of the event log corpus reads as HTCondor 23.9.6's Python bindings read it") {
  setenv("TZ", "UTC", 1);
  tzset();
  auto index = parseJson(sharedFile("conformance/eventlog/index.json"));
  std::tm year{};
  year.tm_year = static_cast<int>(valueOf(*valueOf(*index, "reader").asClassAd(), "parse_year").asInteger()) - 1900;
  year.tm_mday = 1;
  ReadContext context;
  context.now = timegm(&year);
  // Only cases whose name contains this, when set (to work on one kind of event or log).
  const char* only = std::getenv("EVENTLOG_CASES");

  int passed = 0, failed = 0;
  for (const Value& entry : items(valueOf(*index, "cases"))) {
    const ClassAd& c = *entry.asClassAd();
    const std::string name = str(c, "case");
    if (only && name.find(only) == std::string::npos) continue;
    auto expected = parseJson(sharedFile("conformance/eventlog/" + str(c, "expected_file")));
    const std::string format = str(*expected, "log_format");
    const bool truncated = str(*expected, "kind") == "truncated";
    std::vector<std::string> problems;

    EventLogReader reader(context);
    reader.append(sharedFile("conformance/eventlog/" + str(c, "log_file")));
    auto events = drain(reader, problems, name);
    // A whole JSON log reads as events_isolated (23.9.6 stopped after the first event; FORMAT.md).
    if (format == "json" && !truncated) {
      compareAll(items(valueOf(*expected, "events_isolated")), events, name, problems);
    } else if (format == "text") {
      compareAll(items(valueOf(*expected, "events")), events, name, problems);
      if (truncated) {
        reader.append(sharedFile("conformance/eventlog/" + str(*expected, "rest_file")));
        auto follow = drain(reader, problems, name + " follow");
        compareAll(items(valueOf(*valueOf(*expected, "follow").asClassAd(), "after_append")), follow, name + " follow", problems);
      }
    } else if (format == "xml" && truncated) {
      // 23.9.6 may return the cut event early and then never reads on (FORMAT.md): at the end of
      // its file it takes what it has of the cut ad (an event once EventTypeNumber, written last,
      // is in), and after the append it stops for good at that ad's </c>. This reader holds the
      // cut event back and returns it whole after the append, so the two reads together give
      // the complete log's events.
      auto complete = parseJson(sharedFile("conformance/eventlog/expected/" + str(*expected, "truncated_from") + ".json"));
      std::vector<Value> all = items(valueOf(*complete, "events"));
      REQUIRE(!all.empty());
      std::vector<Value> last{all.back()};
      all.pop_back();
      compareAll(all, events, name, problems);
      reader.append(sharedFile("conformance/eventlog/" + str(*expected, "rest_file")));
      auto follow = drain(reader, problems, name + " follow");
      compareAll(last, follow, name + " follow", problems);
    } else if (format == "json" && truncated) {
      // The whole log's isolated events that end before the cut, then the rest after the append.
      auto complete = parseJson(sharedFile("conformance/eventlog/expected/" + str(*expected, "truncated_from") + ".json"));
      std::vector<Value> before, after;
      for (const Value& e : items(valueOf(*complete, "events_isolated"))) {
        const int64_t end = items(valueOf(*e.asClassAd(), "byte_range")).at(1).asInteger();
        (end <= valueOf(*expected, "cut_offset").asInteger() ? before : after).push_back(e);
      }
      compareAll(before, events, name, problems);
      reader.append(sharedFile("conformance/eventlog/" + str(*expected, "rest_file")));
      auto follow = drain(reader, problems, name + " follow");
      compareAll(after, follow, name + " follow", problems);
    } else {
      compareAll(items(valueOf(*expected, "events")), events, name, problems);
    }
    if (problems.empty()) {
      ++passed;
    } else {
      ++failed;
      for (const auto& p : problems) MESSAGE(p);
    }
  }
  MESSAGE("event log corpus: " << passed << " passed, " << failed << " failed");
  CHECK(failed == 0);
}

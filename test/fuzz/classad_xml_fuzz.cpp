// libFuzzer target: XML ads come from job event logs on disk, which anyone writing the log
// shapes. Reading any bytes must end in an ad, incomplete or an error that moves on, never a
// crash or a hang; every ad read must print, and the events made of them must format and
// convert back to ads.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "classad/json_writer.hpp"
#include "classad/unparse.hpp"
#include "classad/xml_parser.hpp"
#include "eventlog/log_reader.hpp"

using namespace htcondor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  classad::XmlAdRead read = classad::readXmlAd(text);
  if (read.consumed > size) __builtin_trap();
  if (read.status == classad::XmlAdRead::Status::Error && read.consumed == 0) __builtin_trap();  // no progress
  if (read.ad) {
    (void)classad::unparse(*read.ad);
    (void)classad::printJson(*read.ad);
  }
  // The same bytes as an XML event log, appended in two parts.
  eventlog::EventLogReader reader(eventlog::ReadContext{}, 0, eventlog::LogFormat::Xml);
  reader.append(text.substr(0, size / 2));
  for (int part = 0; part < 2; ++part) {
    for (;;) {
      eventlog::ReadOutcome out = reader.next();
      if (out.status == eventlog::ReadOutcome::Status::NoEvent) break;
      if (out.event) {
        (void)out.event->format();
        (void)out.event->toAd();
      }
    }
    reader.append(text.substr(size / 2));
  }
  return 0;
}

// libFuzzer target: submit descriptions come from users. Any bytes must read to a description
// or an error value, never a crash, a hang or runaway memory; then keys, str(), expand() of
// every key, itemdata() and the procs (a bounded number) must each give a value or an error.
// The input is split at the first "\n--\n": before it the description, after it a file it may
// include or read items from as "inc" (and list, with "dir/", in the directory "d").
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "submit/submit_description.hpp"

using namespace htcondor::submit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 16) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t split = input.find("\n--\n");
  const std::string text(input.substr(0, split));
  const std::string other(split == std::string_view::npos ? std::string_view() : input.substr(split + 4));

  SubmitOptions o;
  o.directory = "d";
  o.environment = {{"HOME", "/home/u"}, {"X", "1"}};
  o.files.readFile = [&](const std::string& path) -> std::optional<std::string> {
    if (path == "d/inc") return other;
    return std::nullopt;
  };
  o.files.listDirectory = [](const std::string& path) -> std::optional<std::vector<htcondor::config::DirectoryEntry>> {
    if (path == "d") return std::vector<htcondor::config::DirectoryEntry>{{"inc", false}, {"a.txt", false}, {"dir", true}, {".h", false}};
    if (path == "d/dir") return std::vector<htcondor::config::DirectoryEntry>{{"x", false}};
    return std::nullopt;
  };
  o.runCommand = [&](const std::string&) -> std::optional<std::string> { return other; };

  if (auto sub = SubmitDescription::fromText(text, o)) {
    (void)sub->str();
    for (const std::string& key : sub->keys()) {
      (void)sub->get(key);
      (void)sub->expand(key);
    }
    if (auto items = sub->itemdata(); items && items->size() > (1u << 20)) __builtin_trap();
    if (auto procs = sub->procs()) {
      for (int n = 0; n < 50 && procs->next(); ++n)
        for (const std::string& name : procs->names()) (void)procs->param(name);
    }
    (void)sub->setQArgs(text.substr(0, text.find('\n')));
    (void)sub->itemdata();
  }
  o.submitFile = "job.sub";
  if (auto file = SubmitFile::read(text, o)) {
    ProcIterator it = file->procs();
    for (int n = 0; n < 50 && it.next(); ++n)
      for (const std::string& name : it.names()) (void)it.param(name);
    (void)file->procCount();
  }
  return 0;
}

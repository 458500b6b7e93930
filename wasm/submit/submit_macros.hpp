// The submit description's macro set, as HTCondor's SubmitHash keeps it (submit_utils.cpp):
// definitions with names compared without regard to case, the last one winning, in the order
// first defined (Python's keys() order); below them the built-in defaults (ARCH, OPSYS, ...,
// $(Cluster), $(Process), $(Row), $(Step), ...); above them the "live" values a queue
// statement sets for each proc ($(Process), $(Item), the loop variables). Lookups try
// "SUBMIT.NAME" first, as SubmitHash's evaluation context does.
#pragma once

#include <bitset>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "config/macro_table.hpp"
#include "submit/submit_error.hpp"

namespace htcondor::submit {

// Values HTCondor's submit takes from the configuration and the moment of submission.
struct SubmitDefaults {
  std::string arch = "X86_64";
  std::string opsys = "LINUX";
  std::string opsysAndVer = "Debian13";
  std::string opsysMajorVer = "13";
  std::string opsysVer = "1300";
  std::string spool = "/var/lib/condor/spool";
  bool isLinux = true;
  bool isWindows = false;
  std::string submitFile;          // $(SUBMIT_FILE); condor_submit sets it, Python does not
  std::optional<long long> submitTime;  // $(SUBMIT_TIME), $(Year), $(Month), $(Day) when set
};

class SubmitMacros : public config::MacroTable {
 public:
  SubmitMacros(SubmitDefaults defaults = {}, config::Environment environment = {});

  struct Entry {
    std::string name;  // as first written
    std::string value;
    int line = 0;
  };

  // insert_macro(): defines or redefines `name` (no expansion here).
  void set(std::string_view name, std::string_view value, int line = 0);
  // Removes a definition; false if there was none.
  bool erase(std::string_view name);
  const Entry* find(std::string_view name) const;
  // The definitions, in the order first defined (erased ones left out).
  std::vector<const Entry*> entries() const;
  size_t size() const { return count_; }

  // set_live_submit_variable() / unset: a value that hides any definition of the name.
  void setLive(std::string_view name, std::string value);
  void clearLive();
  // The live counters the defaults table holds: $(Cluster)/$(ClusterId), $(Process)/$(ProcId),
  // $(Row)/$(ItemIndex), $(Step), $(Node).
  void setCounters(long long cluster, long long proc, long long row, long long step);
  void setNode(std::string node) { node_ = std::move(node); }

  // config::MacroTable
  std::optional<std::string_view> raw(std::string_view name) const override;
  std::optional<std::string_view> getenv(std::string_view name) const override;
  const config::Context& context() const override { return context_; }

  // False only when `name` is certainly not defined (see known_).
  bool mayDefine(std::string_view name) const;

  // The definition or default only, without the "SUBMIT." prefix or live values.
  std::optional<std::string_view> rawExact(std::string_view name) const;

  // expand_macro(): every reference expanded; a cycle or a failing function is an error.
  Result<std::string> expand(std::string_view text) const;
  // submit_param(): nothing when undefined or when the value expands to "".
  Result<std::optional<std::string>> param(std::string_view name) const;
  // expand_self_macro() as a definition "X = $(X) more" is read.
  Result<std::string> expandSelf(std::string_view text, std::string_view self) const;

  const config::Environment& environment() const { return environment_; }

  // While set, every set() is also appended here (how a reader's definitions between queue
  // statements are recorded to be replayed while procs are generated).
  void setJournal(std::vector<Entry>* journal) { journal_ = journal; }

 private:
  // Where a name's raw value lives. The job-ad builder asks the same few hundred names (most of
  // them undefined) for every proc, while which table answers a name changes only when a name
  // is defined, erased or made live: so each name's place is found once and remembered until then.
  struct Slot {
    enum Kind : uint8_t { None, Live, Definition, Default } kind = None;
    uint32_t index = 0;
  };
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // A quick answer for most undefined names, before any hashing: one bit per (length, first
  // and last letter) of every name that may answer (definitions, "SUBMIT." ones without the
  // prefix, live values, defaults). A name whose bit is clear is undefined.
  static size_t signature(std::string_view name);
  void know(std::string_view name);
  Slot resolve(std::string_view name) const;
  std::string_view valueAt(Slot slot) const;
  // The value of the built-in default at `index` in kDefaultNames (submit_macros.cpp).
  std::string_view defaultAt(uint32_t index) const;

  SubmitDefaults defaults_;
  config::Environment environment_;
  config::Context context_;
  std::vector<Entry> entries_;
  std::vector<bool> erased_;
  std::unordered_map<std::string, size_t> index_;  // lower-case name -> entries_
  size_t count_ = 0;
  bool hasSubmitPrefixed_ = false;  // a "SUBMIT.NAME" definition exists
  std::vector<std::pair<std::string, std::string>> live_;  // lower-case name, value
  std::string cluster_ = "1", proc_ = "0", row_ = "0", step_ = "0", node_;
  std::string submitTime_, year_, month_, day_;
  std::vector<Entry>* journal_ = nullptr;
  mutable std::unordered_map<std::string, Slot, NameHash, std::equal_to<>> slots_;  // by name as asked
  std::bitset<1024> known_;
};

// "+Attr" -> "MY.Attr", as the Python bindings map a key (plus_to_my).
std::string plusToMy(std::string_view name);

}  // namespace htcondor::submit

#include "submit/submit_macros.hpp"

#include <array>

#include "config/config_text.hpp"
#include "config/macro_expand.hpp"

namespace htcondor::submit {

namespace {

// Year, month and day of a Unix time (UTC; the host's local time zone is not known here).
std::array<std::string, 3> civilDate(long long t) {
  long long days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long doe = days - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  auto two = [](long long v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return {std::to_string(y), two(m), two(d)};
}

// A cycle's names, "$(a) -> $(b) -> $(a)", for the message when expansion gives up.
std::string cycleText(const std::vector<std::string>& cycle) {
  std::string out;
  for (size_t i = 0; i < cycle.size(); ++i) out += (i ? " -> $(" : "$(") + cycle[i] + ")";
  return out;
}

// The built-in defaults' names, in the order SubmitMacros::defaultAt() gives their values.
constexpr std::string_view kDefaultNames[] = {
    "ARCH", "Cluster", "ClusterId", "Day", "IsLinux", "IsWindows", "ItemIndex", "JobId", "Month", "Node", "OPSYS", "OPSYSANDVER",
    "OPSYSMAJORVER", "OPSYSVER", "Process", "ProcId", "Request_CPUs", "Request_Memory", "Row", "SPOOL", "Step", "SUBMIT_FILE",
    "SUBMIT_TIME", "VM_MEMORY", "VM_VCPUS", "Year",
};

std::optional<uint32_t> defaultIndex(std::string_view name) {
  for (uint32_t i = 0; i < std::size(kDefaultNames); ++i)
    if (config::equalsIgnoreCase(kDefaultNames[i], name)) return i;
  return std::nullopt;
}

}  // namespace

SubmitMacros::SubmitMacros(SubmitDefaults defaults, config::Environment environment)
    : defaults_(std::move(defaults)), environment_(std::move(environment)) {
  context_.subsystem = "SUBMIT";
  for (std::string_view name : kDefaultNames) know(name);
  if (defaults_.submitTime) {
    submitTime_ = std::to_string(*defaults_.submitTime);
    auto [y, m, d] = civilDate(*defaults_.submitTime);
    year_ = y;
    month_ = m;
    day_ = d;
  }
}

void SubmitMacros::set(std::string_view name, std::string_view value, int line) {
  if (journal_) journal_->push_back(Entry{std::string(name), std::string(value), line});
  std::string key = config::lowerCase(name);
  if (auto it = index_.find(key); it != index_.end()) {
    Entry& e = entries_[it->second];
    e.value = std::string(value);
    e.line = line;
    if (erased_[it->second]) {
      // A name defined again after its removal goes to the end, as a fresh insert would.
      erased_[it->second] = false;
      ++count_;
      slots_.clear();
    }
    return;
  }
  slots_.clear();
  know(key);
  if (key.starts_with("submit.")) {
    hasSubmitPrefixed_ = true;
    know(std::string_view(key).substr(7));
  }
  index_.emplace(std::move(key), entries_.size());
  entries_.push_back(Entry{std::string(name), std::string(value), line});
  erased_.push_back(false);
  ++count_;
}

bool SubmitMacros::erase(std::string_view name) {
  auto it = index_.find(config::lowerCase(name));
  if (it == index_.end() || erased_[it->second]) return false;
  erased_[it->second] = true;
  --count_;
  slots_.clear();
  return true;
}

const SubmitMacros::Entry* SubmitMacros::find(std::string_view name) const {
  auto it = index_.find(config::lowerCase(name));
  if (it == index_.end() || erased_[it->second]) return nullptr;
  return &entries_[it->second];
}

std::vector<const SubmitMacros::Entry*> SubmitMacros::entries() const {
  std::vector<const Entry*> out;
  out.reserve(count_);
  for (size_t i = 0; i < entries_.size(); ++i)
    if (!erased_[i]) out.push_back(&entries_[i]);
  return out;
}

void SubmitMacros::setLive(std::string_view name, std::string value) {
  std::string key = config::lowerCase(name);
  for (auto& [k, v] : live_) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  know(key);
  live_.emplace_back(std::move(key), std::move(value));
  slots_.clear();
}

void SubmitMacros::clearLive() {
  live_.clear();
  slots_.clear();
}

void SubmitMacros::setCounters(long long cluster, long long proc, long long row, long long step) {
  cluster_ = std::to_string(cluster);
  proc_ = std::to_string(proc);
  row_ = std::to_string(row);
  step_ = std::to_string(step);
}

std::string_view SubmitMacros::defaultAt(uint32_t index) const {
  static const std::string kOne = "1", kZero = "0", kCpus = "$(RequestCPUs)", kMemory = "$(RequestMemory)",
                           kVmCpus = "$(Request_CPUs)", kVmMemory = "$(Request_Memory)", kJobId = "$(ClusterId).$(ProcId)";
  const std::string* const values[] = {
      &defaults_.arch, &cluster_, &cluster_, &day_, defaults_.isLinux ? &kOne : &kZero, defaults_.isWindows ? &kOne : &kZero,
      &row_, &kJobId, &month_, &node_, &defaults_.opsys, &defaults_.opsysAndVer, &defaults_.opsysMajorVer, &defaults_.opsysVer,
      &proc_, &proc_, &kCpus, &kMemory, &row_, &defaults_.spool, &step_, &defaults_.submitFile, &submitTime_, &kVmMemory,
      &kVmCpus, &year_,
  };
  static_assert(sizeof values / sizeof values[0] == std::size(kDefaultNames));
  return *values[index];
}

std::optional<std::string_view> SubmitMacros::rawExact(std::string_view name) const {
  if (const Entry* e = find(name)) return std::string_view(e->value);
  if (auto i = defaultIndex(name)) return defaultAt(*i);
  return std::nullopt;
}

SubmitMacros::Slot SubmitMacros::resolve(std::string_view name) const {
  const std::string key = config::lowerCase(name);
  for (size_t i = 0; i < live_.size(); ++i)
    if (live_[i].first == key) return {Slot::Live, static_cast<uint32_t>(i)};
  if (hasSubmitPrefixed_) {
    if (auto it = index_.find("submit." + key); it != index_.end() && !erased_[it->second]) return {Slot::Definition, static_cast<uint32_t>(it->second)};
  }
  if (auto it = index_.find(key); it != index_.end() && !erased_[it->second]) return {Slot::Definition, static_cast<uint32_t>(it->second)};
  if (auto i = defaultIndex(name)) return {Slot::Default, *i};
  return {};
}

std::string_view SubmitMacros::valueAt(Slot slot) const {
  switch (slot.kind) {
    case Slot::Live: return live_[slot.index].second;
    case Slot::Definition: return entries_[slot.index].value;
    case Slot::Default: return defaultAt(slot.index);
    case Slot::None: break;
  }
  return {};
}

size_t SubmitMacros::signature(std::string_view name) {
  if (name.empty()) return 0;
  return (name.size() * 31 + static_cast<unsigned char>(config::toLower(name.front()))) * 31 + static_cast<unsigned char>(config::toLower(name.back()));
}

// Erased definitions and cleared live values keep their bits: a bit set for nothing only costs
// a lookup.
void SubmitMacros::know(std::string_view name) { known_.set(signature(name) % known_.size()); }

bool SubmitMacros::mayDefine(std::string_view name) const { return name.empty() || known_.test(signature(name) % known_.size()); }

std::optional<std::string_view> SubmitMacros::raw(std::string_view name) const {
  if (!mayDefine(name)) return std::nullopt;
  auto it = slots_.find(name);
  if (it == slots_.end()) it = slots_.emplace(std::string(name), resolve(name)).first;
  if (it->second.kind == Slot::None) return std::nullopt;
  return valueAt(it->second);
}

std::optional<std::string_view> SubmitMacros::getenv(std::string_view name) const {
  return config::getenvIn(environment_, name);
}

Result<std::string> SubmitMacros::expand(std::string_view text) const {
  auto expanded = config::expandMacros(text, *this);
  if (!expanded) {
    if (expanded.error().tooDeep) {
      // Name the cycle from the first reference that leads into one.
      for (size_t at = 0; auto ref = config::findMacro(text, at); at = ref->end) {
        if (ref->kind != config::MacroKind::Normal) continue;
        const std::string_view body = ref->bodyText(text);
        const auto cycle = config::findReferenceCycle(body.substr(0, body.find(':')), *this);
        if (!cycle.empty()) return submitError("macro expansion does not end: the definitions refer to each other in a cycle: " + cycleText(cycle));
      }
    }
    return submitError(expanded.error().message);
  }
  return std::move(*expanded);
}

Result<std::optional<std::string>> SubmitMacros::param(std::string_view name) const {
  auto value = raw(name);
  if (!value) return std::optional<std::string>{};
  auto expanded = expand(*value);
  if (!expanded) {
    if (expanded.error().message.rfind("macro expansion does not end", 0) == 0) {
      const auto cycle = config::findReferenceCycle(name, *this);
      if (!cycle.empty())
        return submitError("macro expansion does not end: the definitions refer to each other in a cycle: " + cycleText(cycle));
    }
    return failure(expanded.error());
  }
  if (expanded->empty()) return std::optional<std::string>{};
  return std::optional<std::string>{std::move(*expanded)};
}

Result<std::string> SubmitMacros::expandSelf(std::string_view text, std::string_view self) const {
  auto expanded = config::expandSelf(text, self, *this);
  if (!expanded) return submitError(expanded.error().message);
  return std::move(*expanded);
}

std::string plusToMy(std::string_view name) {
  if (!name.empty() && name.front() == '+') return "MY." + std::string(name.substr(1));
  return std::string(name);
}

}  // namespace htcondor::submit

#include "submit/proc_iterator.hpp"

namespace htcondor::submit {

ProcIterator::ProcIterator(SubmitMacros base, std::shared_ptr<const std::vector<QueueSegment>> segments, ProcStyle style,
                           long long cluster, long long firstProc)
    : macros_(std::move(base)), segments_(std::move(segments)), style_(style) {
  pos_.cluster = cluster;
  nextProc_ = firstProc;
}

bool ProcIterator::enterSegment(size_t index) {
  const QueueSegment& seg = (*segments_)[index];
  for (const auto& d : seg.definitions) macros_.set(d.name, d.value, d.line);
  if (index > 0 && seg.newCluster) {
    ++pos_.cluster;
    nextProc_ = 0;
  }
  pos_.segment = index;
  pos_.queueLine = seg.line;
  macros_.clearLive();
  if (seg.args.vars.empty()) {
    if (style_ == ProcStyle::Python) macros_.setLive("Item", "");
  } else {
    for (const auto& var : seg.args.vars) macros_.setLive(var, "");
  }
  itemCursor_ = 0;
  stepCursor_ = 0;
  pending_ = false;
  count_ = seg.args.count;
  if (style_ == ProcStyle::Python && count_ == 0) count_ = 1;
  rowsTaken_ = 0;
  return true;
}

void ProcIterator::setItemVars(const QueueSegment& seg, const std::string& row) {
  const auto values = splitItem(row, seg.args.vars.size());
  for (size_t i = 0; i < values.size(); ++i) macros_.setLive(seg.args.vars[i], std::string(values[i]));
}

std::string_view ProcIterator::item() const {
  if (!started_ || done_ || segments_->empty()) return {};
  const QueueSegment& seg = (*segments_)[pos_.segment];
  if (currentItem_ < seg.args.items.size()) return seg.args.items[currentItem_];
  return {};
}

bool ProcIterator::next() {
  if (done_) return false;
  if (!started_) {
    started_ = true;
    if (segments_->empty()) {
      done_ = true;
      return false;
    }
    enterSegment(0);
  }
  for (;;) {
    const QueueSegment& seg = (*segments_)[pos_.segment];
    if (pending_ && stepCursor_ < count_) {
      pos_.step = stepCursor_++;
      pos_.proc = nextProc_++;
      pos_.firstInCluster = pos_.proc == 0;
      macros_.setCounters(pos_.cluster, pos_.proc, pos_.itemIndex, pos_.step);
      if (style_ == ProcStyle::CondorSubmit) {
        macros_.setLive("Cluster", std::to_string(pos_.cluster));
        macros_.setLive("Process", std::to_string(pos_.proc));
      }
      return true;
    }
    pending_ = false;
    if (external_) return false;  // until the caller feeds the next item
    const auto& items = seg.args.items;
    const long long n = static_cast<long long>(items.size());
    if (seg.args.mode == ForeachMode::Not || (style_ == ProcStyle::Python && n == 0)) {
      if (itemCursor_ == 0) {
        itemCursor_ = 1;
        currentItem_ = items.size();
        pos_.itemIndex = 0;
        pending_ = true;
        stepCursor_ = 0;
        continue;
      }
    } else {
      while (static_cast<long long>(itemCursor_) < n) {
        const size_t i = itemCursor_++;
        if (style_ == ProcStyle::CondorSubmit && !seg.args.slice.selected(static_cast<long long>(i), n)) continue;
        setItemVars(seg, items[i]);
        currentItem_ = i;
        pos_.itemIndex = style_ == ProcStyle::Python ? rowsTaken_++ : static_cast<long long>(i);
        pending_ = true;
        stepCursor_ = 0;
        break;
      }
      if (pending_) continue;
    }
    if (pos_.segment + 1 >= segments_->size()) {
      done_ = true;
      return false;
    }
    enterSegment(pos_.segment + 1);
  }
}

void ProcIterator::useExternalItems(long long count) {
  external_ = true;
  count_ = count > 0 ? count : 1;
}

Status ProcIterator::feed(const std::vector<std::pair<std::string, std::string>>& values) {
  if (!started_) {
    started_ = true;
    if (segments_->empty()) return submitError("no queue statement to feed items to");
    enterSegment(0);
    count_ = count_ > 0 ? count_ : 1;
  }
  const bool naming = externalVars_.empty();
  for (const auto& [key, value] : values) {
    if (key.empty()) {
      if (naming) {
        externalVars_.push_back("Item");
        macros_.setLive("Item", value);
        continue;
      }
      const auto fields = splitItem(value, externalVars_.size());
      for (size_t i = 0; i < fields.size(); ++i) macros_.setLive(externalVars_[i], std::string(fields[i]));
    } else if (key[0] >= '0' && key[0] <= '9') {
      const size_t index = std::stoul(key);
      if (naming) {
        if (values.size() > 10) return submitError("Too many items in Queue itemdata element");
        externalVars_.push_back(index == 0 ? "Item" : "Item" + std::to_string(index));
      }
      if (index < externalVars_.size()) macros_.setLive(externalVars_[index], value);
    } else {
      const std::string name = key[0] == '+' ? "MY." + key.substr(1) : key;
      if (naming) externalVars_.push_back(name);
      macros_.setLive(name, value);
    }
  }
  pos_.itemIndex = rowsTaken_++;
  pending_ = true;
  stepCursor_ = 0;
  return std::monostate{};
}

Result<std::optional<std::string>> ProcIterator::param(std::string_view name) const {
  auto r = macros_.param(name);
  if (!r) return submitError(r.error().message, pos_.queueLine);
  return r;
}

Result<std::string> ProcIterator::expand(std::string_view text) const {
  auto r = macros_.expand(text);
  if (!r) return submitError(r.error().message, pos_.queueLine);
  return r;
}

std::vector<std::string> ProcIterator::names() const {
  std::vector<std::string> out;
  for (const auto* e : macros_.entries()) out.push_back(e->name);
  return out;
}

}  // namespace htcondor::submit

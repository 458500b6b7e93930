// The if/elif/else/endif nesting of one source (HTCondor's ConfigIfStack, 63 levels at most),
// shared by the configuration reader and the submit description reader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/config_text.hpp"

namespace htcondor::config {

// The if/elif/else/endif nesting of one source (HTCondor's ConfigIfStack, 63 levels at most).
class IfStack {
 public:
  bool enabled() const {
    for (const Frame& f : frames_)
      if (!f.active) return false;
    return true;
  }
  bool inside() const { return !frames_.empty(); }

  // Handles an if-family line; false if `line` is not one. `test` evaluates a condition.
  template <class Test>
  bool handle(std::string_view line, std::string& error, const Test& test) {
    if (keyword(line, "if")) {
      const std::string_view expr = trimStart(line.substr(2));
      bool value = enabled();
      if (value) {
        auto r = test(expr);
        if (!r) return failed(error, std::string(expr) + " is not a valid if condition because " + r.error());
        value = *r;
      }
      if (frames_.size() >= 63) return failed(error, "if nesting too deep!");
      frames_.push_back(Frame{value, value, true});
      return true;
    }
    if (keyword(line, "else")) {
      if (frames_.empty() || !frames_.back().open)
        return failed(error, frames_.empty() ? "else without matching if" : "else is not allowed after else");
      Frame& f = frames_.back();
      f.open = false;
      f.active = !(f.taken || f.active);
      return true;
    }
    if (keyword(line, "elif")) {
      const std::string_view expr = trimStart(line.substr(4));
      // Evaluated only when no earlier branch was taken and the enclosing blocks are enabled.
      bool value = frames_.empty() || !frames_.back().taken;
      for (size_t i = 0; value && i + 1 < frames_.size(); ++i) value = frames_[i].active;
      if (value) {
        auto r = test(expr);
        if (!r) return failed(error, std::string(expr) + " is not a valid elif condition because " + r.error());
        value = *r;
      }
      if (frames_.empty() || !frames_.back().open)
        return failed(error, frames_.empty() ? "elif without matching if" : "elif is not allowed after else");
      Frame& f = frames_.back();
      if (f.taken) {
        f.active = false;
      } else {
        f.active = value;
        f.taken = value;
      }
      return true;
    }
    if (keyword(line, "endif")) {
      if (frames_.empty()) return failed(error, "endif without matching if");
      frames_.pop_back();
      return true;
    }
    return false;
  }

 private:
  struct Frame {
    bool active;  // this branch is the one taken
    bool taken;   // some branch so far was taken
    bool open;    // no else yet
  };

  static bool keyword(std::string_view line, std::string_view word) {
    return startsWithIgnoreCase(line, word) && (line.size() == word.size() || isSpace(line[word.size()]));
  }
  static bool failed(std::string& error, std::string message) {
    error = std::move(message);
    return true;
  }

  std::vector<Frame> frames_;
};

}  // namespace htcondor::config

// A credential HTCondor reads from a file at each authentication (a SciToken, the trusted CAs):
// either given, or looked for only when a handshake needs it, so a resumed session reads no
// file and a file replaced between commands is seen by the next handshake. A copy looks for it
// at most once (an operation's options are its own copy).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace htcondor::security {

class LazySecret {
 public:
  using Finder = std::function<std::optional<std::string>()>;

  LazySecret() = default;
  // Implicit, so a secret given as text is assigned as text.
  LazySecret(std::string value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  // One looked for by `find` when first asked for.
  static LazySecret found(Finder find) {
    LazySecret s;
    s.find_ = std::move(find);
    return s;
  }

  // The secret, or nullopt where none was given or found.
  const std::optional<std::string>& get() const {
    if (find_) {
      value_ = find_();
      find_ = nullptr;
    }
    return value_;
  }
  // An empty secret counts as none.
  bool has() const { return get().has_value() && !get()->empty(); }

 private:
  mutable std::optional<std::string> value_;
  mutable Finder find_;
};

}  // namespace htcondor::security

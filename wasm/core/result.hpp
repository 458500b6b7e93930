// Errors as values: a Result holds either a value or an error, never both. The project builds
// without relying on exceptions, so nothing here throws: accessing the wrong alternative is a
// programming error caught by assert() in debug builds.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

namespace htcondor {

// Wraps an error so that Result<T, E> can be built from it even when T and E convert into
// each other (e.g. both strings).
template <class E>
struct Failure {
  E error;
};

template <class E>
Failure<E> failure(E error) {
  return Failure<E>{std::move(error)};
}

template <class T, class E>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::in_place_index<0>, std::move(value)) {}
  template <class F>
  Result(Failure<F> f) : data_(std::in_place_index<1>, E(std::move(f.error))) {}

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() {
    assert(ok());
    return *std::get_if<0>(&data_);
  }
  const T& value() const {
    assert(ok());
    return *std::get_if<0>(&data_);
  }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const E& error() const {
    assert(!ok());
    return *std::get_if<1>(&data_);
  }

 private:
  std::variant<T, E> data_;
};

// A Result with no value: success or an error.
template <class E>
using Status = Result<std::monostate, E>;

}  // namespace htcondor

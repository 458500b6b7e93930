// What the embind files take from and give to the host alike: file contents as Uint8Array,
// string lists, the environment as [name, value] pairs, and file access as JavaScript callbacks
// called synchronously while the core reads.
#pragma once

#include <emscripten/bind.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/file_access.hpp"

namespace htcondor::bindings {

// A Uint8Array's bytes, copied in one go into memory of the core's (element by element through
// embind costs a call per byte).
template <class Container = std::vector<uint8_t>>
Container byteCopy(const emscripten::val& v) {
  Container out(v["length"].as<std::size_t>(), 0);
  if (!out.empty()) {
    emscripten::val(emscripten::typed_memory_view(out.size(), reinterpret_cast<uint8_t*>(out.data()))).call<void>("set", v);
  }
  return out;
}

// A Uint8Array (or array of bytes) as a string; nothing for null or undefined.
inline std::optional<std::string> bytes(const emscripten::val& v) {
  if (v.isUndefined() || v.isNull()) return std::nullopt;
  return byteCopy<std::string>(v);
}

// A copy of `data` as a Uint8Array the host may keep.
inline emscripten::val uint8Array(const std::vector<uint8_t>& data) {
  return emscripten::val(emscripten::typed_memory_view(data.size(), data.data())).call<emscripten::val>("slice");
}

inline emscripten::val strings(const std::vector<std::string>& list) {
  emscripten::val out = emscripten::val::array();
  for (const auto& s : list) out.call<void>("push", s);
  return out;
}

// [[name, value], ...] in the environment's own order.
inline config::Environment environment(const emscripten::val& pairs) {
  config::Environment out;
  if (pairs.isUndefined() || pairs.isNull()) return out;
  const int n = pairs["length"].as<int>();
  for (int i = 0; i < n; ++i) out.emplace_back(pairs[i][0].as<std::string>(), pairs[i][1].as<std::string>());
  return out;
}

// host: {readFile, listDirectory, readSecureFile?}; without readSecureFile secrets are read as
// any file (the submit language reads none).
inline config::FileAccess fileAccess(const emscripten::val& host) {
  using emscripten::val;
  config::FileAccess files;
  const val readFile = host["readFile"];
  const val readSecureFile = host["readSecureFile"].isUndefined() ? readFile : host["readSecureFile"];
  const val listDirectory = host["listDirectory"];
  files.readFile = [readFile](const std::string& path) { return bytes(readFile(path)); };
  files.readSecureFile = [readSecureFile](const std::string& path) { return bytes(readSecureFile(path)); };
  files.listDirectory = [listDirectory](const std::string& path) -> std::optional<std::vector<config::DirectoryEntry>> {
    const val entries = listDirectory(path);
    if (entries.isUndefined() || entries.isNull()) return std::nullopt;
    std::vector<config::DirectoryEntry> out;
    const int n = entries["length"].as<int>();
    for (int i = 0; i < n; ++i) {
      const val e = entries[i];
      out.push_back({e["name"].as<std::string>(), e["isDirectory"].as<bool>()});
    }
    return out;
  };
  return files;
}

}  // namespace htcondor::bindings

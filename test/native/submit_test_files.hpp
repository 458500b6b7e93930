// A FileAccess over the real file system and a command runner, for the submit tests: the core
// is sans-IO, the tests supply what a host would.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "config/file_access.hpp"
#include "submit/submit_reader.hpp"

inline htcondor::config::FileAccess realFiles() {
  htcondor::config::FileAccess files;
  files.readFile = [](const std::string& path) -> std::optional<std::string> {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  };
  files.listDirectory = [](const std::string& path) -> std::optional<std::vector<htcondor::config::DirectoryEntry>> {
    std::error_code ec;
    std::filesystem::directory_iterator it(path, ec);
    if (ec) return std::nullopt;
    std::vector<htcondor::config::DirectoryEntry> out;
    for (const auto& e : it) out.push_back({e.path().filename().string(), e.is_directory(ec)});
    return out;
  };
  return files;
}

// Runs `command` in `directory` with /bin/sh and returns its output.
inline htcondor::submit::CommandRunner shellRunner(std::string directory) {
  return [directory](const std::string& command) -> std::optional<std::string> {
    const std::string full = "cd '" + directory + "' && " + command;
    FILE* p = popen(full.c_str(), "r");
    if (!p) return std::nullopt;
    std::string out;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    if (pclose(p) != 0) return std::nullopt;
    return out;
  };
}

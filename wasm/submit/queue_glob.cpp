#include "submit/queue_glob.hpp"

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace htcondor::submit {

namespace {

bool hasMagic(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

// One bracket expression at p ('[' already seen at p-1 ... ) against c; returns whether it
// matched and where the pattern continues, or nothing if the bracket is not closed.
std::optional<std::pair<bool, size_t>> bracket(std::string_view pat, size_t p, char c) {
  bool negate = false;
  if (p < pat.size() && (pat[p] == '!' || pat[p] == '^')) {
    negate = true;
    ++p;
  }
  bool matched = false;
  bool first = true;
  while (p < pat.size() && (first || pat[p] != ']')) {
    first = false;
    char lo = pat[p];
    if (lo == '\\' && p + 1 < pat.size()) lo = pat[++p];
    char hi = lo;
    if (p + 2 < pat.size() && pat[p + 1] == '-' && pat[p + 2] != ']') {
      hi = pat[p + 2];
      if (hi == '\\' && p + 3 < pat.size()) hi = pat[++p + 2];
      p += 2;
    }
    if (static_cast<unsigned char>(c) >= static_cast<unsigned char>(lo) && static_cast<unsigned char>(c) <= static_cast<unsigned char>(hi))
      matched = true;
    ++p;
  }
  if (p >= pat.size()) return std::nullopt;
  return std::make_pair(matched != negate, p + 1);
}

}  // namespace

bool globMatch(std::string_view pat, std::string_view name) {
  if (!name.empty() && name.front() == '.' && (pat.empty() || pat.front() != '.')) return false;
  // Iterative matching with one backtrack point for the last '*' (linear enough for names).
  size_t p = 0, n = 0, starP = std::string_view::npos, starN = 0;
  while (n < name.size()) {
    if (p < pat.size()) {
      const char pc = pat[p];
      if (pc == '*') {
        starP = ++p;
        starN = n;
        continue;
      }
      if (pc == '?') {
        ++p;
        ++n;
        continue;
      }
      if (pc == '[') {
        if (auto b = bracket(pat, p + 1, name[n])) {
          if (b->first) {
            p = b->second;
            ++n;
            continue;
          }
        } else if (name[n] == '[') {
          ++p;
          ++n;
          continue;
        }
      } else {
        char lit = pc;
        size_t next = p + 1;
        if (pc == '\\' && p + 1 < pat.size()) {
          lit = pat[p + 1];
          next = p + 2;
        }
        if (lit == name[n]) {
          p = next;
          ++n;
          continue;
        }
      }
    }
    if (starP == std::string_view::npos) return false;
    p = starP;
    n = ++starN;
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

std::vector<std::string> expandGlobs(const std::vector<std::string>& patterns, GlobKinds kinds, const std::string& directory,
                                     const config::FileAccess& files) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  auto resolve = [&](const std::string& path) {
    if (!path.empty() && path.front() == '/') return path;
    if (directory.empty()) return path.empty() ? std::string(".") : path;
    if (path.empty()) return directory;
    return directory + (directory.back() == '/' ? "" : "/") + path;
  };
  for (const std::string& pattern : patterns) {
    // Expand component by component: (prefix as written, is directory) pairs.
    struct Partial {
      std::string path;
      bool isDir;
    };
    std::vector<Partial> current{{pattern.front() == '/' ? "/" : "", true}};
    size_t pos = pattern.front() == '/' ? 1 : 0;
    bool ok = true;
    while (ok && pos <= pattern.size()) {
      size_t slash = pattern.find('/', pos);
      if (slash == std::string::npos) slash = pattern.size();
      const std::string comp = pattern.substr(pos, slash - pos);
      const bool lastComp = slash >= pattern.size();
      pos = slash + 1;
      if (comp.empty()) {
        if (lastComp) break;
        continue;
      }
      std::vector<Partial> next;
      for (const Partial& base : current) {
        if (!base.isDir) continue;
        auto listing = files.listDirectory ? files.listDirectory(resolve(base.path)) : std::nullopt;
        if (!listing) continue;
        std::vector<Partial> found;
        if (!hasMagic(comp)) {
          for (const auto& e : *listing)
            if (e.name == comp) found.push_back({base.path + comp, e.isDirectory});
        } else {
          for (const auto& e : *listing)
            if (globMatch(comp, e.name)) found.push_back({base.path + e.name, e.isDirectory});
        }
        std::sort(found.begin(), found.end(), [](const Partial& a, const Partial& b) { return a.path < b.path; });
        for (auto& f : found) {
          if (!lastComp) f.path += "/";
          next.push_back(std::move(f));
        }
      }
      current = std::move(next);
      if (current.empty()) ok = false;
      if (lastComp) break;
    }
    if (!ok) continue;
    std::sort(current.begin(), current.end(), [](const Partial& a, const Partial& b) { return a.path < b.path; });
    const bool firstPattern = &pattern == &patterns.front();
    for (Partial& m : current) {
      if (kinds == GlobKinds::Files && m.isDir) continue;
      if (kinds == GlobKinds::Dirs && !m.isDir) continue;
      std::string item = m.isDir && (m.path.empty() || m.path.back() != '/') ? m.path + "/" : m.path;
      if (!firstPattern && seen.count(item)) continue;
      seen.insert(item);
      out.push_back(std::move(item));
    }
  }
  return out;
}

}  // namespace htcondor::submit

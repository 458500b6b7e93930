#include "eventlog/partitionable_resources.hpp"

#include <strings.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "classad/parser.hpp"
#include "classad/tree_build.hpp"
#include "classad/unparse.hpp"
#include "classad/x86_conversions.hpp"

namespace htcondor::eventlog {

using classad::ClassAd;
using classad::ExprTree;

namespace {

// ClassAd::AssignExpr: the text parsed whole in old syntax; nothing is inserted if it does not
// parse (a blank cell) or the name is empty.
void assignExpr(ClassAd& ad, const std::string& name, std::string_view text) {
  if (name.empty()) return;
  classad::Parser parser(text, classad::LexMode::Old);
  if (auto tree = parser.parseExpression(true)) ad.insert(name, std::move(tree));
}

// `count` characters of the row from `from`, as std::string::assign on the C string: the cell
// ends at the row's end. (HTCondor reads past a row shorter than its header; here such a cell
// is empty.)
std::string_view cell(std::string_view table, int from, int count) {
  if (from < 0 || count < 0 || static_cast<size_t>(from) > table.size()) return {};
  return table.substr(static_cast<size_t>(from), static_cast<size_t>(count));
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ExprTreeIsLiteral: a literal, possibly inside parentheses.
const classad::Literal* literalOf(const ExprTree* expr) {
  while (expr && expr->kind() == ExprTree::Kind::Operation) {
    const auto* op = static_cast<const classad::Operation*>(expr);
    if (op->op() != classad::Op::Parentheses) return nullptr;
    expr = op->arg(0).get();
  }
  return expr && expr->kind() == ExprTree::Kind::Literal ? static_cast<const classad::Literal*>(expr) : nullptr;
}

bool isBareInteger(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct CaseLess {
  bool operator()(const std::string& a, const std::string& b) const { return strcasecmp(a.c_str(), b.c_str()) < 0; }
};

// SlotResTermSumy: one row of the table.
struct Row {
  std::string use, req, alloc, assigned;
};

// "%.2f": any double fits.
std::string twoDecimals(double value) {
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  return buf;
}

// "%<width>s" and "%-<width>s" (width is never negative here).
std::string padLeft(const std::string& s, int width) {
  return s.size() >= static_cast<size_t>(width) ? s : std::string(static_cast<size_t>(width) - s.size(), ' ') + s;
}
std::string padRight(const std::string& s, int width) {
  return s.size() >= static_cast<size_t>(width) ? s : s + std::string(static_cast<size_t>(width) - s.size(), ' ');
}

}  // namespace

void UsageTableReader::init(std::string_view header) {
  header = header.substr(0, header.find('\0'));
  size_t colon = header.find(':');
  // Without a colon HTCondor starts one character in.
  std::string_view table = colon == std::string_view::npos ? header.substr(std::min<size_t>(1, header.size())) : header.substr(colon + 1);
  size_t p = 0;
  auto skipSpaces = [&] { while (p < table.size() && table[p] == ' ') ++p; };
  auto skipWord = [&] { while (p < table.size() && table[p] != ' ') ++p; };
  skipSpaces();
  skipWord();
  use_ = static_cast<int>(p) + 1;
  skipSpaces();
  skipWord();
  req_ = static_cast<int>(p) + 1;
  skipSpaces();
  if (p < table.size()) {
    size_t allocated = table.find("Allocated", p);
    if (allocated != std::string_view::npos) {
      alloc_ = static_cast<int>(allocated) + 9;
      size_t assigned = table.find("Assigned", allocated);
      if (assigned != std::string_view::npos) assigned_ = static_cast<int>(assigned);
    }
  }
}

void UsageTableReader::parseRow(std::string_view row, ClassAd& usage) const {
  row = row.substr(0, row.find('\0'));
  size_t p = 0;
  while (p < row.size() && (row[p] == '\t' || row[p] == ' ')) ++p;
  size_t e = p;
  while (e < row.size() && row[e] != ' ' && row[e] != ':') ++e;
  const std::string tag(row.substr(p, e - p));
  size_t colon = row.find(':', e);
  if (colon == std::string_view::npos) return;
  std::string_view table = row.substr(colon + 1);

  assignExpr(usage, tag + "Usage", cell(table, 0, use_));
  assignExpr(usage, "Request" + tag, cell(table, use_, req_ - use_));
  if (alloc_ > 0) assignExpr(usage, tag, cell(table, req_, alloc_ - req_));
  if (assigned_ > 0 && static_cast<size_t>(assigned_) <= table.size()) assignExpr(usage, "Assigned" + tag, table.substr(static_cast<size_t>(assigned_)));
}

void formatUsageTable(std::string& out, const ClassAd& usage) {
  std::map<std::string, Row, CaseLess> rows;
  bool reqFraction = false, assignedFraction = false, allocFraction = false, useFraction = false;
  for (const auto& [name, expr] : usage.attributes()) {
    // Literal reals print as "%.2f" when they have a fraction, else as whole numbers; anything
    // else as old-syntax text.
    std::string value;
    bool fraction = false;
    const classad::Literal* literal = literalOf(expr.get());
    if (literal && literal->value().isReal()) {
      double real = literal->value().asReal();
      double whole = 0;
      if (std::modf(real, &whole) > 0.0) {
        value = twoDecimals(real);
        fraction = true;
      } else {
        value = std::to_string(classad::x86ToInt64(whole));
      }
    } else {
      value = classad::unparse(*expr, classad::Style::Old);
    }

    std::string resource;
    if (startsWith(name, "Request")) {
      resource = name.substr(7);
      rows[resource].req = value;
      reqFraction |= fraction;
    } else if (startsWith(name, "Assigned")) {
      resource = name.substr(8);
      rows[resource].assigned = value;
      assignedFraction = fraction;  // '=' in HTCondor, not '|='
    } else if (endsWith(name, "AverageUsage")) {
      resource = name.substr(0, name.size() - 12);
      rows[resource].use = value;
      useFraction |= fraction;
    } else if (endsWith(name, "Usage")) {
      resource = name.substr(0, name.size() - 5);
      rows[resource].use = value;
      useFraction |= fraction;
    } else {
      resource = name;
      rows[resource].alloc = value;
      allocFraction |= fraction;
    }
    // An attribute named just "Request", "Usage", ... has no resource: it prints on its own.
    if (resource.empty()) out += "\t" + name + " = " + value + "\n";
  }
  if (rows.empty()) return;

  // Column widths; whole numbers get three spaces to line up with "%.2f" values in a column
  // that has some.
  int resWidth = static_cast<int>(sizeof("Memory (MB)")), useWidth = 8, reqWidth = 8, allocWidth = 0, assignedWidth = 0;
  for (auto& [resource, row] : rows) {
    if (row.alloc.empty()) {
      if (auto tree = usage.lookup(resource)) row.alloc = classad::unparse(*tree, classad::Style::Old);
    }
    if (useFraction && isBareInteger(row.use)) row.use += "   ";
    if (reqFraction && isBareInteger(row.req)) row.req += "   ";
    if (allocFraction && isBareInteger(row.alloc)) row.alloc += "   ";
    if (assignedFraction && isBareInteger(row.assigned)) row.assigned += "   ";
    resWidth = std::max(resWidth, static_cast<int>(resource.size()));
    useWidth = std::max(useWidth, static_cast<int>(row.use.size()));
    reqWidth = std::max(reqWidth, static_cast<int>(row.req.size()));
    allocWidth = std::max(allocWidth, static_cast<int>(row.alloc.size()));
    assignedWidth = std::max(assignedWidth, static_cast<int>(row.assigned.size()));
  }
  const int allocColumn = std::max(allocWidth, 9);

  out += "\tPartitionable Resources : " + padLeft("Usage", useWidth) + " " + padLeft("Request", reqWidth) + " " +
         padLeft(allocWidth ? "Allocated" : "", allocColumn) + " " + (assignedWidth ? "Assigned" : "") + "\n";
  for (const auto& [resource, row] : rows) {
    if (resource.empty()) continue;
    std::string label = resource;
    if (label == "Memory") label += " (MB)";
    else if (label == "Disk") label += " (KB)";
    else if (label == "Gpus") label += " (Average)";
    else if (label == "GpusMemory") label += " (MB)";
    else if (label == "TimeExecute") label += " (s)";
    else if (label == "TimeSlotBusy") label += " (s)";
    out += "\t   " + padRight(label, resWidth + 8) + " : " + padLeft(row.use, useWidth) + " " + padLeft(row.req, reqWidth) + " " +
           padLeft(row.alloc, allocColumn) + " " + row.assigned + "\n";
  }
}

void usageFromEventAd(const ClassAd& ad, std::shared_ptr<ClassAd>& usage) {
  for (const auto& [name, request] : ad.attributes()) {
    if (name.size() < 7 || strncasecmp(name.c_str(), "Request", 7) != 0) continue;
    const std::string tag = name.substr(7);
    if (tag.empty()) continue;
    auto amount = ad.lookup(tag);
    if (!amount) continue;
    if (!usage) usage = std::make_shared<ClassAd>();
    usage->insert(tag, classad::deepCopy(*amount));
    usage->insert(name, classad::deepCopy(*request));
    for (const std::string& attr : {tag + "Usage", "Assigned" + tag}) {
      if (auto expr = ad.lookup(attr)) usage->insert(attr, classad::deepCopy(*expr));
      else usage->erase(attr);
    }
  }
}

}  // namespace htcondor::eventlog

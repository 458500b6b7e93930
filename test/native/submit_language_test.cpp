// The submit language beyond the corpus: each queue form, slices, includes, heredocs, cycles,
// malformed input and large item lists.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "submit/submit_description.hpp"

using namespace htcondor::submit;

namespace {

SubmitOptions withFiles(std::map<std::string, std::string> files, std::vector<htcondor::config::DirectoryEntry> listing = {}) {
  SubmitOptions o;
  o.directory = "/sub";
  o.files.readFile = [files](const std::string& path) -> std::optional<std::string> {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  o.files.listDirectory = [listing](const std::string& path) -> std::optional<std::vector<htcondor::config::DirectoryEntry>> {
    if (path == "/sub") return listing;
    return std::nullopt;
  };
  return o;
}

std::vector<std::string> argsOfProcs(const SubmitFile& file, const std::string& name = "arguments") {
  std::vector<std::string> out;
  for (ProcIterator it = file.procs(); it.next();) {
    auto v = it.param(name);
    REQUIRE(v);
    out.push_back(v->value_or("<none>"));
  }
  return out;
}

SubmitFile readOk(const std::string& text, SubmitOptions o = {}) {
  auto f = SubmitFile::read(text, std::move(o));
  if (!f) FAIL("unexpected error: " << f.error().error.message << " / " << f.error().detail);
  return std::move(*f);
}

}  // namespace

TEST_CASE("submit queue: count, in, from, matching") {
  CHECK(argsOfProcs(readOk("arguments = $(Process)/$(Step)/$(Row)\nqueue 3\n")) == std::vector<std::string>{"0/0/0", "1/1/0", "2/2/0"});
  CHECK(argsOfProcs(readOk("arguments = $(Item)$(ItemIndex)\nqueue in a, b c\n")) == std::vector<std::string>{"a0", "b1", "c2"});
  CHECK(argsOfProcs(readOk("arguments = $(x)-$(Step)\nqueue 2 x in (p q)\n")) == std::vector<std::string>{"p-0", "p-1", "q-0", "q-1"});
  CHECK(argsOfProcs(readOk("arguments = $(a)|$(b)\nqueue a,b from (\n1, one\n2 two three\n3\n)\n")) ==
        std::vector<std::string>{"1|one", "2|two three", "3|two three"});
  CHECK(argsOfProcs(readOk("arguments = $(a)|$(b)\nqueue a b from rows.txt\n", withFiles({{"/sub/rows.txt", "x 1\ny 2\n"}}))) ==
        std::vector<std::string>{"x|1", "y|2"});
  auto listing = std::vector<htcondor::config::DirectoryEntry>{{"b.dat", false}, {"a.dat", false}, {".h.dat", false}, {"d.dat", true}, {"c.txt", false}};
  CHECK(argsOfProcs(readOk("arguments = $(f)\nqueue f matching *.dat\n", withFiles({}, listing))) == std::vector<std::string>{"a.dat", "b.dat", "d.dat/"});
  CHECK(argsOfProcs(readOk("arguments = $(f)\nqueue f matching files *.dat\n", withFiles({}, listing))) == std::vector<std::string>{"a.dat", "b.dat"});
  CHECK(argsOfProcs(readOk("arguments = $(f)\nqueue f matching dirs *.dat\n", withFiles({}, listing))) == std::vector<std::string>{"d.dat/"});
  CHECK(readOk("queue 0\n").procCount() == 0);
  CHECK(readOk("queue 2 * 3\n").procCount() == 6);  // the count is an expression
}

TEST_CASE("submit queue: slices") {
  const std::string items = " (a,b,c,d,e,f)\n";
  auto run = [&](const std::string& slice) { return argsOfProcs(readOk("arguments = $(x)$(Row)\nqueue x in " + slice + items)); };
  CHECK(run("[1:4]") == std::vector<std::string>{"b1", "c2", "d3"});
  CHECK(run("[::2]") == std::vector<std::string>{"a0", "c2", "e4"});
  CHECK(run("[-2:]") == std::vector<std::string>{"e4", "f5"});
  CHECK(run("[:2]") == std::vector<std::string>{"a0", "b1"});
  CHECK(readOk("queue x in [1:4:2]" + items).procCount() == 2);
  auto bad = SubmitFile::read("queue x in [1:x] (a)\n");
  REQUIRE(!bad);
  CHECK(bad.error().error.message == "invalid Queue statement");
}

TEST_CASE("submit queue: statement errors") {
  for (const char* text : {"queue -1\n", "queue foo bar baz\n", "queue x from files y\n"}) {
    auto f = SubmitFile::read(text);
    REQUIRE(!f);
    CHECK(f.error().error.message == "invalid Queue statement");
    CHECK(f.error().error.line == 1);
  }
  auto unclosed = SubmitFile::read("a = 1\nqueue x in (\nb\n");
  REQUIRE(!unclosed);
  CHECK(unclosed.error().error.message == "Reached end of file without finding closing brace ')' for Queue command on line 2");
  auto none = SubmitFile::read("a = 1\n");
  REQUIRE(!none);
  CHECK(none.error().error.message == "no queue statement");
  auto missing = SubmitFile::read("queue x from nope.txt\n");
  REQUIRE(!missing);
  CHECK(missing.error().error.message == "can't open file nope.txt: No such file or directory");
  auto word = SubmitFile::read("executable\nqueue\n");
  REQUIRE(!word);
  CHECK(word.error().error.message == "");
  auto colon = SubmitFile::read("a : b\nqueue\n", [] { SubmitOptions o; o.submitFile = "job.sub"; return o; }());
  REQUIRE(!colon);
  CHECK(colon.error().error.message == "invalid queue statement.");
  CHECK(colon.error().detail == "Submit:-1:Error \"job.sub\", Line 1: cannot parse: a : b");
}

TEST_CASE("submit queue: several statements, definitions between them") {
  auto f = readOk("executable = a\narguments = one\nqueue\narguments = two $(Process)\nqueue 2\nexecutable = b\nqueue\n");
  CHECK(argsOfProcs(f) == std::vector<std::string>{"one", "two 1", "two 2", "two 0"});
  std::vector<long long> clusters;
  for (ProcIterator it = f.procs(); it.next();) clusters.push_back(it.position().cluster);
  CHECK(clusters == std::vector<long long>{1, 1, 1, 2});
}

TEST_CASE("submit reader: syntax") {
  auto d = SubmitDescription::fromText("A = 1\r\nB = x \\\n  y\n+Foo = \"bar\"\n-Gone = 3\nMY.Baz = 2\nH @=end\nline 1\n# comment\nline 2\n@end\na = $(a) 2\nqueue\n");
  REQUIRE(d);
  CHECK(d->keys() == std::vector<std::string>{"A", "B", "MY.Foo", "MY.Gone", "MY.Baz", "H"});
  CHECK(d->get("a") == "1 2");
  CHECK(d->get("B") == "x y");
  CHECK(d->get("+Foo") == "\"bar\"");
  CHECK(d->get("MY.Gone") == "");
  CHECK(d->get("H") == "line 1\nline 2");
  CHECK(d->str() == "A = 1 2\nB = x y\nMY.Foo = \"bar\"\nMY.Gone = \nMY.Baz = 2\nH = line 1\nline 2\n");
  auto heredoc = SubmitDescription::fromText("H @=end\nx\n");
  CHECK(!heredoc);
}

TEST_CASE("submit reader: if, include") {
  auto o = withFiles({{"/sub/a.inc", "x = from a\ninclude : b.inc\n"}, {"/sub/b.inc", "y = from b\n"}, {"/sub/q.inc", "queue\n"}});
  auto d = SubmitDescription::fromText("include : a.inc\nif defined x\nz = 1\nelif true\nz = 2\nelse\nz = 3\nendif\nqueue\n", o);
  REQUIRE(d);
  CHECK(d->get("y") == "from b");
  CHECK(d->get("z") == "1");
  auto q = SubmitDescription::fromText("include : q.inc\n", o);
  REQUIRE(!q);
  CHECK(q.error().detail.find("Queue statement not allowed in include file or command") != std::string::npos);
  auto complex = SubmitDescription::fromText("if $(a) == 1\nendif\n");
  REQUIRE(!complex);
  CHECK(complex.error().error.message == "$(a) == 1 is not a valid if condition because complex conditionals are not supported");
  auto stray = SubmitDescription::fromText("endif\n");
  REQUIRE(!stray);
  CHECK(stray.error().error.message == "endif without matching if");
}

TEST_CASE("submit macros: functions, defaults and cycles") {
  SubmitOptions o;
  o.environment = {{"HOME", "/home/u"}};
  auto d = SubmitDescription::fromText(
      "n = 7\nx = notnum\na = $(b)\nb = $(c)\nc = $(a)\n"
      "i = $INT(n,%03d)\nbad = $INT(x)\ne = $ENV(HOME)\nd = $(undefined:dflt)\nk = $$(Attr) $(DOLLAR)\n"
      "f = $Fn(path) $Fx(path)\npath = /p/file.tar.gz\nch = $CHOICE(1, p, q)\ns = $SUBSTR(path,1,3)\nqueue\n",
      o);
  REQUIRE(d);
  CHECK(d->expand("i")->value() == "007");
  CHECK(d->expand("e")->value() == "/home/u");
  CHECK(d->expand("d")->value() == "dflt");
  CHECK(d->expand("k")->value() == "$$(Attr) $");
  CHECK(d->expand("f")->value() == "file.tar .gz");
  CHECK(d->expand("ch")->value() == "q");
  CHECK(d->expand("s")->value() == "p/f");
  CHECK(d->expand("OPSYS")->value() == "LINUX");
  CHECK(d->expand("Process")->value() == "0");
  CHECK(!d->expand("Item")->has_value());
  auto bad = d->expand("bad");
  REQUIRE(!bad);
  CHECK(bad.error().message == "$INT() macro: notnum does not evaluate to an integer!");
  auto cycle = d->expand("a");
  REQUIRE(!cycle);
  CHECK(cycle.error().message.find("cycle") != std::string::npos);
}

TEST_CASE("submit description: setQArgs and itemdata") {
  auto d = SubmitDescription::fromText("arguments = $(v)\nqueue v from (\n1 2\n)\n");
  REQUIRE(d);
  CHECK(d->getQArgs() == "v from (");
  auto items = d->itemdata();
  REQUIRE(items);
  REQUIRE(items->size() == 1);
  CHECK(items->front().isMap);
  CHECK(items->front().fields.front().second == "1 2");
  REQUIRE(d->setQArgs("queue 3 in (a b)"));
  CHECK(d->getQArgs() == "3 in (a b)");
  items = d->itemdata();
  REQUIRE(items);
  CHECK(items->size() == 2);
  CHECK(!items->front().isMap);
  CHECK(!d->setQArgs("a\nb"));
  auto inline_ = d->itemdata("x from (");
  REQUIRE(!inline_);
  CHECK(inline_.error().message == "inline items not available");
  long long n = 0;
  auto procs = d->procs();
  REQUIRE(procs);
  for (; procs->next(); ++n) CHECK(procs->param("arguments")->value_or("") == "");
  CHECK(n == 6);
}

TEST_CASE("submit queue: 200000 items stream in linear time") {
  std::string text = "arguments = $(x) $(y)\nqueue x,y from (\n";
  for (int i = 0; i < 200000; ++i) text += std::to_string(i) + " v" + std::to_string(i) + "\n";
  text += ")\n";
  auto f = readOk(text);
  CHECK(f.procCount() == 200000);
  long long n = 0;
  std::string last;
  for (ProcIterator it = f.procs(); it.next(); ++n)
    if (n % 50000 == 49999) last = it.param("arguments")->value_or("");
  CHECK(n == 200000);
  CHECK(last == "199999 v199999");
}

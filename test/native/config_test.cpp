// The configuration reader, expander, loader and credential discovery against in-memory files.
// Expected values were checked against HTCondor 23.9.6's condor_config_val on the same text.
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/config_lexer.hpp"
#include "config/config_load.hpp"
#include "config/config_reader.hpp"
#include "config/credentials.hpp"
#include "config/macro_expand.hpp"

using namespace htcondor::config;

namespace {

// A file system in memory: files by path, directories implied by them.
struct MemoryFiles {
  std::map<std::string, std::string> files;
  std::map<std::string, std::string> secure;  // readable as secure files

  FileAccess access() const {
    FileAccess a;
    a.readFile = [this](const std::string& p) -> std::optional<std::string> {
      auto it = files.find(p);
      if (it == files.end()) return std::nullopt;
      return it->second;
    };
    a.readSecureFile = [this](const std::string& p) -> std::optional<std::string> {
      auto it = secure.find(p);
      if (it == secure.end()) return std::nullopt;
      return it->second;
    };
    a.listDirectory = [this](const std::string& dir) -> std::optional<std::vector<DirectoryEntry>> {
      const std::string prefix = dir.back() == '/' ? dir : dir + "/";
      std::vector<DirectoryEntry> out;
      bool any = false;
      for (const auto* m : {&files, &secure}) {
        for (const auto& [path, text] : *m) {
          if (path.rfind(prefix, 0) != 0) continue;
          any = true;
          const std::string rest = path.substr(prefix.size());
          const size_t slash = rest.find('/');
          const DirectoryEntry e{rest.substr(0, slash), slash != std::string::npos};
          bool dup = false;
          for (const auto& o : out) dup = dup || o.name == e.name;
          if (!dup) out.push_back(e);
        }
      }
      if (!any) return std::nullopt;
      return out;
    };
    return a;
  }
};

Config read(const std::string& text, const MemoryFiles& files = {}) {
  Config config;
  auto s = readConfig(config, text, "/test/config", files.access());
  if (!s) FAIL_CHECK(s.error().message);
  return config;
}

std::string errorOf(const std::string& text, const MemoryFiles& files = {}) {
  Config config;
  auto s = readConfig(config, text, "/test/config", files.access());
  REQUIRE_FALSE(s);
  return s.error().message;
}

std::optional<std::string> param(const Config& config, const std::string& name) {
  auto v = config.lookup(name);
  if (!v) FAIL_CHECK(v.error().message);
  REQUIRE(v);
  return *v;
}

std::vector<std::string> lines(const std::string& text, CommentRules rules = CommentRules::New) {
  ConfigLexer lexer(text);
  std::vector<std::string> out;
  while (auto l = lexer.next(rules)) out.push_back(l->text);
  return out;
}

LoadOptions options(const MemoryFiles& files, Environment env = {}) {
  LoadOptions o;
  o.files = files.access();
  o.environment = std::move(env);
  o.process.hostname = "node";
  o.process.username = "alice";
  o.process.uid = 1000;
  o.process.gid = 1000;
  o.process.pid = 42;
  o.process.ppid = 1;
  o.process.home = "/home/alice";
  o.process.condorHome = "/var/lib/condor";
  return o;
}

Config load(const LoadOptions& o) {
  auto c = loadConfig(o);
  if (!c) FAIL_CHECK(c.error().message);
  REQUIRE(c);
  return std::move(*c);
}

}  // namespace

TEST_CASE("config: lines: trimming, continuations and the two comment rules") {
  CHECK(lines("  A = 1  \n\tB=2\n") == std::vector<std::string>{"A = 1", "B=2"});
  CHECK(lines("A = 1 \\\n   2\n") == std::vector<std::string>{"A = 1 2"});
  // New rules: a '#' line inside a continuation keeps only its last character.
  CHECK(lines("B = x \\\n# comment\nC = y\n") == std::vector<std::string>{"B = x t", "C = y"});
  CHECK(lines("D = p \\\n#c \\\n q\n") == std::vector<std::string>{"D = p q"});
  // A '#' line ending in '\' does not continue.
  CHECK(lines("# note \\\nA = 1\n") == std::vector<std::string>{"# note ", "A = 1"});
  // Old rules: comment lines continue like any other.
  CHECK(lines("A = 1 \\\n# hidden\nB = 2\n", CommentRules::Old) == std::vector<std::string>{"A = 1 # hidden", "B = 2"});
  CHECK(lines("# note \\\nA = 1\n", CommentRules::Old) == std::vector<std::string>{"# note A = 1"});
  // A blank line ends a continuation.
  CHECK(lines("A = \\\n\nB = 1\n") == std::vector<std::string>{"A = ", "B = 1"});
  // The last line without a newline is taken raw, as HTCondor's getline hands it over.
  CHECK(lines("A = 1\n  B = 2 \\") == std::vector<std::string>{"A = 1", "  B = 2 \\"});
  // A NUL ends its physical line without ending the logical one.
  CHECK(lines(std::string("A = x\0y\nB\n", 11)) == std::vector<std::string>{"A = xB"});
  CHECK(lines("A = a\r\nB = b\r\n") == std::vector<std::string>{"A = a", "B = b"});
  CHECK(lines("").empty());
}

TEST_CASE("config: assignments: case-insensitive names, last definition wins, values kept unexpanded") {
  Config c = read("A = 1\na = 2\nB = $(A) and $(b_missing:dflt)\nEMPTY =\nSPACED   =   v  w\n");
  CHECK(param(c, "A") == "2");
  CHECK(param(c, "B") == "2 and dflt");
  CHECK(c.find("b")->value == "$(A) and $(b_missing:dflt)");
  CHECK(c.find("a")->name == "A");
  CHECK(c.find("A")->origin.line == 2);
  CHECK(c.find("A")->origin.source == "/test/config");
  CHECK(param(c, "EMPTY") == std::nullopt);
  CHECK(param(c, "SPACED") == "v  w");
  CHECK(param(c, "missing") == std::nullopt);
}

TEST_CASE("config: assignments: HTCondor's odd corners") {
  Config c = read("A : colon\nB C = 5\n[section]\nRunBenchmarks : 3\nPRE = X\n$(PRE)_Y = 42\n1A = one\n");
  CHECK(param(c, "A") == "colon");
  CHECK(param(c, "B") == "5");  // the word before the operator is ignored
  CHECK(param(c, "RunBenchmarks") == "3");
  CHECK(param(c, "X_Y") == "42");
  CHECK(param(c, "1A") == "one");
  REQUIRE(c.warnings().size() == 1);  // ':' warns, except for (and after) RunBenchmarks
  CHECK(c.warnings()[0] == "/test/config, line 1: warning: obsolete use of ':' for parameter assignment at A : colon");
  CHECK(errorOf("#opt:strict\nA : 1\n") == "/test/config, line 2: obsolete use of ':' for parameter assignment at A : 1");
  CHECK(errorOf("A = 1\nA B\n") == "/test/config, line 2: expected NAME = value: A B");
  CHECK(errorOf("A = 1\n  B = 2") == "/test/config, line 2: Illegal Identifier: <>");
  CHECK(errorOf("A-B = 1\n") == "/test/config, line 1: Illegal Identifier: <A-B>");
}

TEST_CASE("config: self references take the previous value at read time") {
  Config c = read("X = a\nX = $(X) b\nX = $(X) c\nY = $(Y) only\nZ = $(Z:zdef) z\nW = $(X:nope)\n");
  CHECK(param(c, "X") == "a b c");
  CHECK(c.find("X")->value == "a b c");
  CHECK(param(c, "Y") == " only");
  CHECK(param(c, "Z") == "zdef z");
  CHECK(param(c, "W") == "a b c");
  Config t = read("X = 1\nTOOL.X = $(X) two\nTOOL.X = $(TOOL.X) three\n");
  CHECK(param(t, "X") == "1 two three");  // TOOL.X wins for subsystem TOOL
  CHECK(t.find("X")->value == "1");
}

TEST_CASE("config: multi-line values") {
  Config c = read("H @=end\n  line one\n# comment inside\n\n  line two\n@end\nG = after\nS = s\nS @=x\n$(S) more\n@x\n");
  CHECK(param(c, "H") == "line one\nline two");
  CHECK(param(c, "G") == "after");
  CHECK(param(c, "S") == "s more");
  CHECK(errorOf("A @=x\nunterminated\n") == "/test/config, line 2: found end-of-file while scanning for '@x'");
}

TEST_CASE("config: expansion: $(DOLLAR), $$, defaults, $ENV") {
  Config c(Context{}, Environment{{"FOO", "bar"}, {"EMPTY", ""}});
  REQUIRE(readConfig(c,
                     "A = $(DOLLAR)(X)\nB = $$(X) and $$([1+2])\nC = cost $(DOLLAR)5\nD = $(dollar)(dollar)\n"
                     "E = $ENV(FOO) $ENV(NOPE) $ENV(NOPE:dflt) $ENV(FOO:dflt) [$ENV(EMPTY:x)]\n"
                     "F = $(NOPE:a b)|$(NOPE:a-b)|$(NOPE:http://x:80/y)|$(NOPE:)x\nG = $(A:$(C))\nH = $(NOPE:$(C))\n",
                     "/t", {}));
  CHECK(param(c, "A") == "$(X)");
  CHECK(param(c, "B") == "$$(X) and $$([1+2])");
  CHECK(param(c, "C") == "cost $5");
  CHECK(param(c, "D") == "$");
  CHECK(param(c, "E") == "bar UNDEFINED dflt bar []");
  CHECK(param(c, "F") == "a b|$(NOPE:a-b)|http://x:80/y|x");
  CHECK(param(c, "G") == "$(X)");
  CHECK(param(c, "H") == "cost $5");
  auto e = c.expand("$(C) and $(A)");
  REQUIRE(e);
  CHECK(*e == "cost $5 and $(X)");
}

TEST_CASE("config: expansion: functions") {
  Config c = read(
      "LIST = a, b , c,,d\nC1 = $CHOICE(2, LIST)\nC2 = $CHOICE(1, x, y, z)\nI = 7\nC3 = $CHOICE(I, a,b,c,d,e,f,g,h)\n"
      "S = abcdefgh\nS1 = $SUBSTR(S, 2)\nS2 = $SUBSTR(S, -3, 2)\nS3 = $SUBSTR(S,1,-2)\nS4 = $SUBSTR(NOPE, 1)\n"
      "N = 10\nN1 = $INT(N)\nN2 = $INT(N,%05d)\nN3 = $REAL(N)\nN4 = $REAL(N,%.2f)\nN5 = $INT(3*4)\nN6 = $REAL(N,%.0f)\n"
      "Q = \"quoted\"\nT1 = $STRING(N)\nT2 = $STRING(Q)\nT3 = $STRING(Q,<%s>)\n"
      "E1 = $EVAL(1+2)\nX = 2\nE2 = $EVAL(X)\nE3 = $EVAL(strcat(\"a\",\"b\"))|\nE4 = $EVAL(1 >)\n"
      "P = /a/b/c.tar.gz\nF1 = $BASENAME(P)\nF2 = $DIRNAME(P)\nF3 = $Fn(P)\nF4 = $Fx(P)\nF5 = $Fp(P)\nF6 = $Fd(P)\n"
      "F7 = $Fdd(P)\nF8 = $Fqn(P)\nF9 = $Fnx(P)\nF10 = $Fpb(P)\nF11 = $Fxb(P)\nF12 = $Fqa(P)\n"
      "R1 = $RANDOM_INTEGER(5, 5)\nR2 = $RANDOM_CHOICE(only)\n");
  CHECK(param(c, "C1") == "c");
  CHECK(param(c, "C2") == "y");
  CHECK(param(c, "C3") == "h");
  CHECK(param(c, "S1") == "cdefgh");
  CHECK(param(c, "S2") == "fg");
  CHECK(param(c, "S3") == "bcdef");
  CHECK(param(c, "S4") == std::nullopt);
  CHECK(param(c, "N1") == "10");
  CHECK(param(c, "N2") == "00010");
  CHECK(param(c, "N3") == "10");
  CHECK(param(c, "N4") == "10.00");
  CHECK(param(c, "N5") == "12");
  CHECK(param(c, "N6") == "10.0");
  CHECK(param(c, "T1") == "10");
  CHECK(param(c, "T2") == "quoted");
  CHECK(param(c, "T3") == "<quoted>");
  CHECK(param(c, "E1") == "3");
  CHECK(param(c, "E2") == "2");
  CHECK(param(c, "E3") == ")|");  // the body ends at the first ')', as in HTCondor
  CHECK(param(c, "E4") == std::nullopt);
  CHECK(param(c, "F1") == "c.tar.gz");
  CHECK(param(c, "F2") == "/a/b/");
  CHECK(param(c, "F3") == "c.tar");
  CHECK(param(c, "F4") == ".gz");
  CHECK(param(c, "F5") == "/a/b/");
  CHECK(param(c, "F6") == "b/");
  CHECK(param(c, "F7") == "a/b/");
  CHECK(param(c, "F8") == "\"c.tar\"");
  CHECK(param(c, "F9") == "c.tar.gz");
  CHECK(param(c, "F10") == "/a/b");
  CHECK(param(c, "F11") == "gz");
  CHECK(param(c, "F12") == "'/a/b/c.tar.gz'");
  CHECK(param(c, "R1") == "5");
  CHECK(param(c, "R2") == "only");
  auto bad = read("B1 = $INT(notanumber)\nB2 = $CHOICE(9, a, b)\nB3 = $INT(N,%s)\n");
  CHECK(bad.lookup("B1").error().message == "while expanding B1: $INT() macro: notanumber does not evaluate to an integer!");
  CHECK(bad.lookup("B2").error().message == "while expanding B2: $CHOICE() config macro: index 9 is out of range!");
  CHECK(bad.lookup("B3").error().message == "while expanding B3: $INT() macro: '%s' is not a valid format specifier!");
}

TEST_CASE("config: expansion stops on a cycle with a message naming it") {
  Config c = read("A = $(B)\nB = x $(A)\nG = $(G:$(G))\nOK = $(A:)\n");
  auto a = c.lookup("A");
  REQUIRE_FALSE(a);
  CHECK(a.error().message == "while expanding A: the definitions refer to each other in a cycle: $(A) -> $(B) -> $(A)");
  CHECK_FALSE(c.lookup("B"));
  CHECK(param(c, "G") == std::nullopt);  // the self reference was resolved at read time
  Config self;
  REQUIRE(self.set("S", "$(S) x", Origin{kEnvironment, 0}));  // a new name: kept raw, as HTCondor does
  CHECK(self.lookup("S").error().message == "while expanding S: the definitions refer to each other in a cycle: $(S) -> $(S)");
}

TEST_CASE("config: if / elif / else / endif") {
  Config c = read(
      "if version >= 8.0\nA = new\nelse\nA = old\nendif\n"
      "if version > 30.0.0\nB = future\nelif defined A\nB = hasA\nelse\nB = none\nendif\n"
      "if !defined NOPE\nC = yes\nendif\nif $(NOPE)\nD = t\nelse\nD = f\nendif\n"
      "if true\n if false\n E = 1\n elif yes\n E = 2\n else\n E = 3\n endif\nendif\n"
      "if 0\nF = 1\nelif 0.0\nF = 2\nelif -1\nF = 3\nendif\n"
      "if version == 23.9.6\nG = eq\nendif\nif version != 23.9\nH = ne\nelse\nH = same\nendif\n"
      "if version <= 23.9.5\nI = le\nelse\nI = gt\nendif\n"
      "X = 1\nif defined X\nJ = x\nendif\nif defined TOOL.X\nJ = $(J) tool\nendif\nif defined 5\nJ = $(J) five\nendif\n"
      ":if true\nK = 1\n:endif\n"
      "if false\nif complex + condition\nL = not evaluated\nendif\nelse\nL = ok\nendif\n");
  CHECK(param(c, "A") == "new");
  CHECK(param(c, "B") == "hasA");
  CHECK(param(c, "C") == "yes");
  CHECK(param(c, "D") == "f");
  CHECK(param(c, "E") == "2");
  CHECK(param(c, "F") == "3");
  CHECK(param(c, "G") == "eq");
  CHECK(param(c, "H") == "same");  // 23.9 means 23.9.<our patch>
  CHECK(param(c, "I") == "gt");
  CHECK(param(c, "J") == "x five");
  CHECK(param(c, "K") == "1");
  CHECK(param(c, "L") == "ok");
  CHECK(errorOf("A = 1\nif\nA=1\nendif\n") == "/test/config, line 2:  is not a valid if condition because expression is not a conditional");
  CHECK(errorOf("if foo\nendif\n") == "/test/config, line 1: foo is not a valid if condition because expression is not a conditional");
  CHECK(errorOf("if 1 + 1\nendif\n") == "/test/config, line 1: 1 + 1 is not a valid if condition because complex conditionals are not supported");
  CHECK(errorOf("if version >= 8\nendif\n") == "/test/config, line 1: version >= 8 is not a valid if condition because the version literal is invalid");
  CHECK(errorOf("if true\nA=1\n") == "/test/config, line 2: endif(s) not found before end-of-file");
  CHECK(errorOf("else\n") == "/test/config, line 1: else without matching if");
  CHECK(errorOf("if true\nelse\nelse\nendif\n") == "/test/config, line 3: else is not allowed after else");
  CHECK(errorOf("if true\nelse\nelif true\nendif\n") == "/test/config, line 3: elif is not allowed after else");
  CHECK(errorOf("endif\n") == "/test/config, line 1: endif without matching if");
  std::string deep;
  for (int i = 0; i < 64; ++i) deep += "if true\n";
  CHECK(errorOf(deep) == "/test/config, line 64: if nesting too deep!");
}

TEST_CASE("config: include, use, error and warning") {
  MemoryFiles files;
  files.files["/etc/a.conf"] = "IA = from a\ninclude : /etc/b.conf\nIB2 = $(IB) again\n";
  files.files["/etc/b.conf"] = "IB = from b\n";
  files.files["/etc/bad.conf"] = "OK = 1\nbroken line\n";
  files.files["/etc/self.conf"] = "include : /etc/self.conf\n";
  files.files["/var/cache/out"] = "CACHED = yes\n";
  Config c = read(
      "DIR = /etc\ninclude : $(DIR)/a.conf\n@include ifexist : /nonexistent\ninclude ifexists : /nonexistent2\n"
      "include ifexist command into /var/cache/out : /usr/bin/generate\ninclude ifexist command : /bin/true\n"
      "use ROLE : Submit, Execute\nuse $(DIR)x:y\nwarning : careful with $(IA)\n",
      files);
  CHECK(param(c, "IA") == "from a");
  CHECK(param(c, "IB2") == "from b again");
  CHECK(param(c, "CACHED") == "yes");
  CHECK(c.find("IB")->origin.source == "/etc/b.conf");
  CHECK(c.sources() == std::vector<std::string>{"/etc/a.conf", "/etc/b.conf", "/var/cache/out"});
  REQUIRE(c.uses().size() == 2);
  CHECK(c.uses()[0].category == "ROLE");
  CHECK(c.uses()[0].options == "Submit, Execute");
  CHECK(c.uses()[0].origin.line == 7);
  CHECK(c.uses()[1].category == "/etcx");
  REQUIRE(c.warnings().size() == 2);
  CHECK(c.warnings()[1] == "/test/config, line 9: warning: careful with from a");
  CHECK(errorOf("include : /nonexistent\n", files) == "/test/config, line 1: can't open file /nonexistent");
  CHECK(errorOf("include : /etc/bad.conf\n", files) == "/etc/bad.conf, line 2: expected NAME = value: broken line");
  CHECK(errorOf("include : /etc/self.conf\n", files) == "/etc/self.conf, line 1: includes nested too deep");
  CHECK(errorOf("include command : /bin/true\n", files).find("does not run commands") != std::string::npos);
  CHECK(errorOf("include : /bin/cmd |\n", files).find("does not run commands") != std::string::npos);
  CHECK(errorOf("include sideways : /x\n", files) == "/test/config, line 1: unexpected keyword(s) 'sideways' after include");
  CHECK(errorOf("A = 1\nerror : bad $(A)\n") == "/test/config, line 2: error: bad 1");
}

TEST_CASE("config: loading: the root file, local files and directories in HTCondor's order") {
  MemoryFiles files;
  files.files["/etc/condor/condor_config"] =
      "ORDER = root\nLOCAL_CONFIG_DIR = /etc/condor/config.d\n"
      "LOCAL_CONFIG_FILE = /etc/condor/local1, /etc/condor/local2\nREQUIRE_LOCAL_CONFIG_FILE = false\n";
  files.files["/etc/condor/config.d/20-second"] = "ORDER = $(ORDER) 20\n";
  files.files["/etc/condor/config.d/10-first"] = "ORDER = $(ORDER) 10\n";
  files.files["/etc/condor/config.d/.hidden"] = "ORDER = $(ORDER) hidden\n";
  files.files["/etc/condor/config.d/x.rpmsave"] = "ORDER = $(ORDER) rpmsave\n";
  files.files["/etc/condor/config.d/05~"] = "ORDER = $(ORDER) tilde\n";
  files.files["/etc/condor/config.d/sub/inner"] = "ORDER = $(ORDER) subdirectory\n";
  files.files["/etc/condor/local1"] =
      "ORDER = $(ORDER) local1\nLOCAL_CONFIG_FILE = /etc/condor/local1, /etc/condor/local3, /etc/condor/missing\n";
  files.files["/etc/condor/local2"] = "ORDER = $(ORDER) local2\n";
  files.files["/etc/condor/local3"] = "ORDER = $(ORDER) local3\n";
  files.files["/home/alice/.condor/user_config"] = "ORDER = $(ORDER) user\n";
  files.files["/usr/local/etc/condor_config"] = "ORDER = not this one\n";
  Config c = load(options(files));
  CHECK(param(c, "ORDER") == "root 10 20 local1 local3 user");
  CHECK(c.sources() == std::vector<std::string>{"/etc/condor/condor_config", "/etc/condor/config.d/10-first",
                                                "/etc/condor/config.d/20-second", "/etc/condor/local1",
                                                "/etc/condor/local3", "/home/alice/.condor/user_config"});
  CHECK(param(c, "CONFIG_ROOT") == "/etc/condor");
  CHECK(param(c, "TILDE") == "/var/lib/condor");
  CHECK(param(c, "SUBSYSTEM") == "TOOL");
  CHECK(param(c, "LOCALNAME") == "TOOL");
  CHECK(param(c, "CondorIsAdmin") == "false");
  CHECK(param(c, "USERNAME") == "alice");
  CHECK(param(c, "REAL_UID") == "1000");
  CHECK(param(c, "PID") == "42");
  CHECK(param(c, "HOSTNAME") == "node");
  CHECK(param(c, "FULL_HOSTNAME") == "node");
  CHECK(param(c, "UID_DOMAIN") == "node");
  CHECK(param(c, "TRUST_DOMAIN") == "node");
  CHECK(param(c, "LOCAL_DIR") == "/var/lib/condor");  // the default: $(TILDE)
  CHECK(param(c, "SEC_TOKEN_SYSTEM_DIRECTORY") == "/var/lib/condor/tokens.d");
  CHECK(c.warnings().empty());

  SUBCASE("root reads no user file") {
    LoadOptions o = options(files);
    o.process.isRoot = true;
    CHECK(param(load(o), "ORDER") == "root 10 20 local1 local3");
  }
  SUBCASE("a required local file that is missing is an error") {
    files.files["/etc/condor/condor_config"] += "REQUIRE_LOCAL_CONFIG_FILE = yes\n";
    auto r = loadConfig(options(files));
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "ERROR: Can't read config source /etc/condor/missing");
  }
  SUBCASE("an exclusion pattern of our own") {
    files.files["/etc/condor/condor_config"] += "LOCAL_CONFIG_DIR_EXCLUDE_REGEXP = ^[0-9]\n";
    CHECK(param(load(options(files)), "ORDER") == "root hidden rpmsave local1 local3 user");
  }
}

TEST_CASE("config: loading: CONDOR_CONFIG, ONLY_ENV, no configuration at all") {
  MemoryFiles files;
  files.files["/etc/condor/condor_config"] = "WHICH = etc\n";
  files.files["/usr/local/etc/condor_config"] = "WHICH = usr local\n";
  files.files["/var/lib/condor/condor_config"] = "WHICH = tilde\n";
  files.files["/tmp/mine"] = "WHICH = mine\ninclude : /tmp/inc\n";
  files.files["/tmp/inc"] = "INC = $(WHICH) inc\n";
  CHECK(param(load(options(files)), "WHICH") == "etc");
  files.files.erase("/etc/condor/condor_config");
  CHECK(param(load(options(files)), "WHICH") == "usr local");
  files.files.erase("/usr/local/etc/condor_config");
  CHECK(param(load(options(files)), "WHICH") == "tilde");

  Config mine = load(options(files, {{"CONDOR_CONFIG", "/tmp/mine"}}));
  CHECK(param(mine, "WHICH") == "mine");
  CHECK(param(mine, "INC") == "mine inc");
  CHECK(param(mine, "CONFIG_ROOT") == "/tmp");

  Config env = load(options(files, {{"CONDOR_CONFIG", "only_env"}, {"_CONDOR_COLLECTOR_HOST", "cm.example:9618"}}));
  CHECK(param(env, "WHICH") == std::nullopt);
  CHECK(param(env, "COLLECTOR_HOST") == "cm.example:9618");
  CHECK(env.sources().empty());

  auto missing = loadConfig(options(files, {{"CONDOR_CONFIG", "/tmp/none"}}));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == "File specified in CONDOR_CONFIG environment variable:\n\"/tmp/none\" cannot be read.");
  CHECK(param(load(options(files, {{"CONDOR_CONFIG", "/dev/null"}})), "WHICH") == std::nullopt);

  files.files.erase("/var/lib/condor/condor_config");
  // Without any file the Python bindings go on with a null configuration, and still apply
  // _CONDOR_ overrides (checked live with the 23.9.6 bindings).
  Config none = load(options(files, {{"_CONDOR_X", "applied"}}));
  CHECK(param(none, "X") == "applied");
  CHECK(param(none, "TILDE") == "/var/lib/condor");
  REQUIRE(none.warnings().size() == 1);
  CHECK(none.warnings()[0].find("Neither the environment variable CONDOR_CONFIG") == 0);
}

TEST_CASE("config: loading: _CONDOR_ overrides, host names, subsystem prefixes") {
  MemoryFiles files;
  files.files["/etc/condor/condor_config"] = "A = file\nB = file b\nTOOL.T = tool\nT = plain\nCONDOR_HOST = cm\n";
  Config c = load(options(files, {{"_CONDOR_A", "env $(A)"},
                                  {"_condor_b", "  lower"},
                                  {"_CONDOR_C D", "cut at the space"},
                                  {"_CONDOR_", "no name"},
                                  {"_CONDOR_USERNAME", "mallory"},
                                  {"_CONDOR_DEFAULT_DOMAIN_NAME", "example.org"}}));
  CHECK(param(c, "A") == "env file");
  CHECK(param(c, "B") == "lower");
  CHECK(param(c, "C") == "cut at the space");
  CHECK(param(c, "USERNAME") == "alice");  // detected values are reinserted last
  CHECK(param(c, "T") == "tool");
  CHECK(param(c, "COLLECTOR_HOST") == "cm");
  CHECK(param(c, "HOSTNAME") == "node");
  CHECK(param(c, "FULL_HOSTNAME") == "node.example.org");
  CHECK(c.find("A")->origin.source == kEnvironment);

  LoadOptions o = options(files);
  o.process.canonicalHostname = "node.cluster.local";
  Config canon = load(o);
  CHECK(param(canon, "HOSTNAME") == "node");
  CHECK(param(canon, "FULL_HOSTNAME") == "node.cluster.local");
  CHECK(param(canon, "UID_DOMAIN") == "node.cluster.local");
  o.environment = {{"_CONDOR_NO_DNS", "true"}};
  CHECK(param(load(o), "FULL_HOSTNAME") == "node");
  o.environment = {{"_CONDOR_NETWORK_HOSTNAME", "alias.example.com"}};
  CHECK(param(load(o), "HOSTNAME") == "alias");

  LoadOptions schedd = options(files);
  schedd.context.subsystem = "SCHEDD";
  CHECK(param(load(schedd), "T") == "plain");
}

TEST_CASE("config: credentials: IDTOKENS files and the pool password") {
  MemoryFiles files;
  files.files["/etc/condor/condor_config"] = "LOCAL_DIR = /var\nETC = /etc/condor\n";
  files.secure["/home/alice/.condor/tokens.d/b-token"] = "# a comment\n\n  eyJb.second  \n";
  files.secure["/home/alice/.condor/tokens.d/a-token"] = "eyJa.first\neyJa.also\n";
  files.secure["/home/alice/.condor/tokens.d/TOOL_auto_generated_token"] = "eyJauto\n";
  files.secure["/home/alice/.condor/tokens.d/c.rpmnew"] = "eyJexcluded\n";
  files.secure["/home/alice/.condor/tokens.d/.hidden"] = "eyJhidden\n";
  files.secure["/home/alice/.condor/tokens.d/dir/x"] = "eyJsubdirectory\n";
  files.secure["/etc/condor/tokens.d/system"] = "eyJsystem\n";
  files.secure["/etc/condor/passwords.d/POOL"] = std::string("\xDE\xAD\xBE\xEF\xBF\xCF\x00junk", 11);
  files.files["/home/alice/.condor/tokens.d/unsafe"] = "eyJunsafe\n";  // not readable as a secure file

  LoadOptions o = options(files);
  Config c = load(o);
  auto creds = discoverCredentials(c, o.files, o.process);
  REQUIRE(creds);
  CHECK(creds->tokenDirectory == "/home/alice/.condor/tokens.d");
  CHECK(creds->tokens == std::vector<std::string>{"eyJauto", "eyJa.first", "eyJa.also", "eyJb.second"});
  CHECK(creds->tokenFiles.front() == "/home/alice/.condor/tokens.d/TOOL_auto_generated_token");
  REQUIRE(creds->poolPassword);
  CHECK(*creds->poolPassword == std::string("\0\0\0\0ab", 6));

  o.process.isRoot = true;
  auto root = discoverCredentials(load(o), o.files, o.process);
  REQUIRE(root);
  CHECK(root->tokenDirectory == "/etc/condor/tokens.d");
  CHECK(root->tokens == std::vector<std::string>{"eyJsystem"});

  o.environment = {{"_CONDOR_SEC_TOKEN_DIRECTORY", "/etc/condor/tokens.d/"}, {"_CONDOR_SEC_PASSWORD_FILE", "/none"}};
  o.process.isRoot = false;
  auto configured = discoverCredentials(load(o), o.files, o.process);
  REQUIRE(configured);
  CHECK(configured->tokens == std::vector<std::string>{"eyJsystem"});
  CHECK(configured->tokenFiles == std::vector<std::string>{"/etc/condor/tokens.d/system"});
  CHECK_FALSE(configured->poolPassword);

  o.environment = {{"_CONDOR_LOCAL_CONFIG_DIR_EXCLUDE_REGEXP", ""}};
  auto unset = discoverCredentials(load(o), o.files, o.process);
  REQUIRE(unset);
  CHECK(unset->tokens.empty());  // HTCondor reads no tokens without an exclusion pattern
}

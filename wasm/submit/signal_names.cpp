#include "submit/signal_names.hpp"

#include "config/config_text.hpp"

namespace htcondor::submit {

namespace {

struct Signal {
  int number;
  std::string_view name;
};

constexpr Signal kSignals[] = {
    {9, "SIGKILL"},  {18, "SIGCONT"}, {15, "SIGTERM"},  {3, "SIGQUIT"},  {1, "SIGHUP"},   {19, "SIGSTOP"},
    {20, "SIGTSTP"}, {10, "SIGUSR1"}, {12, "SIGUSR2"},  {17, "SIGCHLD"}, {6, "SIGABRT"},  {14, "SIGALRM"},
    {8, "SIGFPE"},   {4, "SIGILL"},   {2, "SIGINT"},    {13, "SIGPIPE"}, {11, "SIGSEGV"}, {5, "SIGTRAP"},
    {21, "SIGTTIN"}, {22, "SIGTTOU"}, {29, "SIGIO"},    {7, "SIGBUS"},   {23, "SIGURG"},  {27, "SIGPROF"},
    {28, "SIGWINCH"}, {31, "SIGSYS"}, {24, "SIGXCPU"},  {25, "SIGXFSZ"},
};

}  // namespace

std::optional<std::string_view> signalName(int number) {
  for (const auto& s : kSignals)
    if (s.number == number) return s.name;
  return std::nullopt;
}

std::optional<int> signalNumber(std::string_view name) {
  for (const auto& s : kSignals)
    if (config::equalsIgnoreCase(s.name, name)) return s.number;
  return std::nullopt;
}

}  // namespace htcondor::submit

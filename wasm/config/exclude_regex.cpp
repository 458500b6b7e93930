#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "config/exclude_regex.hpp"

#include "config/config_text.hpp"

namespace htcondor::config {

struct ExcludeRegex::Code {
  explicit Code(pcre2_code* c) : code(c) {}
  Code(const Code&) = delete;
  Code& operator=(const Code&) = delete;
  ~Code() { pcre2_code_free(code); }
  pcre2_code* code;
};

htcondor::Result<ExcludeRegex, std::string> ExcludeRegex::compile(std::string_view pattern) {
  pattern = cString(pattern);
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), 0, &error, &offset, nullptr);
  if (!code) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error, message, sizeof message);
    return failure(std::string(reinterpret_cast<const char*>(message)) + " at offset " + std::to_string(offset));
  }
  return ExcludeRegex(std::make_shared<Code>(code));
}

bool ExcludeRegex::matches(std::string_view fileName) const {
  fileName = cString(fileName);
  pcre2_match_data* md = pcre2_match_data_create_from_pattern(code_->code, nullptr);
  if (!md) return false;
  const int rc = pcre2_match(code_->code, reinterpret_cast<PCRE2_SPTR>(fileName.data()), fileName.size(), 0, 0, md, nullptr);
  pcre2_match_data_free(md);
  return rc >= 0;
}

}  // namespace htcondor::config

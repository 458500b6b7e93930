// The client's session cache (protocol doc 5.9; HTCondor's SecMan session_cache + command_map
// and KeyCacheEntry). Sessions are stored by id; each command of the post-auth ValidCommands is
// mapped to its session under the key "{<tag>,<connect sinful>,<cmd>}" ("{<sinful>,<cmd>}"
// without a tag: the tag separates identities, e.g. tokens of different owners). Time is an
// explicit argument (Unix seconds): the cache reads no clock.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "security/key_derivation.hpp"

namespace htcondor::security {

struct CachedSession {
  std::string id;             // the post-auth Sid
  std::string connectSinful;  // the address the session was made through
  SessionKey key{};
  std::string cryptoMethod = "AES";
  std::optional<std::string> user;  // our identity as the server mapped it
  std::string authMethod;           // the method that authenticated us ("TOKEN"), "" if none
  std::string peerVersion;          // the server's RemoteVersion
  std::vector<std::int64_t> validCommands;
  bool triedAuthentication = false;
  std::int64_t expiration = 0;       // absolute; 0 = none (no SessionDuration)
  std::int64_t leaseInterval = 0;    // seconds; 0 = no lease
  std::int64_t leaseExpiration = 0;  // absolute; renewed by every use

  // The sooner of the two deadlines, 0 if neither (KeyCacheEntry::expiration).
  std::int64_t expiresAt() const;
  bool expired(std::int64_t now) const;
};

class SessionCache {
 public:
  // "{tag,sinful,<cmd>}" or "{sinful,<cmd>}".
  static std::string commandKey(std::string_view tag, std::string_view connectSinful, std::int64_t command);

  // Stores a new session made at `now`: expiration = now + duration (none if `duration` is
  // unset), lease from now; maps every valid command at its connect address to it.
  void insert(CachedSession session, std::optional<std::int64_t> duration, std::string_view tag, std::int64_t now);

  // The live session for a command to an address, or null. An expired session is dropped with
  // its mapping (as LookupNonExpiredSession does), so the caller starts a new one.
  const CachedSession* lookup(std::string_view tag, std::string_view connectSinful, std::int64_t command,
                              std::int64_t now);
  const CachedSession* find(std::string_view sid, std::int64_t now);

  // A resumption uses the session: its lease starts again (the client cannot know whether the
  // server renewed its side; HTCondor's client assumes so too).
  void renewLease(std::string_view sid, std::int64_t now);

  // Drops a session and every command mapped to it (resume answered SID_NOT_FOUND, or the
  // first encrypted packet failed).
  bool invalidate(std::string_view sid);
  // Drops every expired session; returns how many.
  std::size_t expire(std::int64_t now);

  std::size_t size() const { return sessions_.size(); }

 private:
  std::map<std::string, CachedSession, std::less<>> sessions_;
  std::map<std::string, std::string, std::less<>> commandMap_;  // commandKey -> sid
};

}  // namespace htcondor::security

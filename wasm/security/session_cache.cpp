#include "security/session_cache.hpp"

#include <iterator>

namespace htcondor::security {

std::int64_t CachedSession::expiresAt() const {
  if (expiration && leaseExpiration) return leaseExpiration < expiration ? leaseExpiration : expiration;
  return expiration ? expiration : leaseExpiration;
}

bool CachedSession::expired(std::int64_t now) const {
  const std::int64_t at = expiresAt();
  return at != 0 && at <= now;
}

std::string SessionCache::commandKey(std::string_view tag, std::string_view connectSinful, std::int64_t command) {
  std::string key = "{";
  if (!tag.empty()) key.append(tag).append(",");
  key.append(connectSinful).append(",<").append(std::to_string(command)).append(">}");
  return key;
}

void SessionCache::insert(CachedSession session, std::optional<std::int64_t> duration, std::string_view tag,
                          std::int64_t now) {
  session.expiration = duration ? now + *duration : 0;
  session.leaseExpiration = session.leaseInterval ? now + session.leaseInterval : 0;
  for (std::int64_t command : session.validCommands)
    commandMap_.insert_or_assign(commandKey(tag, session.connectSinful, command), session.id);
  std::string id = session.id;
  sessions_.insert_or_assign(std::move(id), std::move(session));
}

const CachedSession* SessionCache::lookup(std::string_view tag, std::string_view connectSinful, std::int64_t command,
                                          std::int64_t now) {
  const std::string key = commandKey(tag, connectSinful, command);
  auto mapped = commandMap_.find(key);
  if (mapped == commandMap_.end()) return nullptr;
  const std::string sid = mapped->second;
  const CachedSession* session = find(sid, now);  // may drop expired entries, this one too
  if (!session) commandMap_.erase(key);          // the session is gone: so is this mapping
  return session;
}

const CachedSession* SessionCache::find(std::string_view sid, std::int64_t now) {
  auto it = sessions_.find(sid);
  if (it == sessions_.end()) return nullptr;
  if (it->second.expired(now)) {
    invalidate(sid);
    return nullptr;
  }
  return &it->second;
}

void SessionCache::renewLease(std::string_view sid, std::int64_t now) {
  auto it = sessions_.find(sid);
  if (it != sessions_.end() && it->second.leaseInterval) it->second.leaseExpiration = now + it->second.leaseInterval;
}

bool SessionCache::invalidate(std::string_view sid) {
  auto it = sessions_.find(sid);
  if (it == sessions_.end()) return false;
  const std::string id = it->first;
  sessions_.erase(it);
  std::erase_if(commandMap_, [&](const auto& entry) { return entry.second == id; });
  return true;
}

std::size_t SessionCache::expire(std::int64_t now) {
  std::vector<std::string> dead;
  for (const auto& [id, session] : sessions_)
    if (session.expired(now)) dead.push_back(id);
  for (const auto& id : dead) invalidate(id);
  return dead.size();
}

}  // namespace htcondor::security

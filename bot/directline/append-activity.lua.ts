/**
 * append-activity: adds one activity to a Direct Line conversation's log, unless its
 * clientActivityID is already there (a retried POST), in one atomic step on the conversation's
 * slot. With an intent nonce (a customer's message whose turn the ledger already expects), the
 * position is recorded under that nonce, unless recovery has voided it: the writer was presumed
 * dead, so the message is refused rather than stored without a turn.
 *
 * KEYS[1] the conversation record (string)   KEYS[2] the activity log (list of JSON)
 * KEYS[3] clientActivityID → position (hash)   KEYS[4] intent nonce → position | "void" (hash)
 * ARGV[1] conversation id   ARGV[2] activity JSON holding the id placeholder
 * ARGV[3] the placeholder   ARGV[4] clientActivityID ("" = none)   ARGV[5] time to live in seconds ("0" = keep)
 * ARGV[6] intent nonce ("" = no turn pending)
 *
 * Returns { 1, json } when appended, { 0, json } for a duplicate (the earlier activity),
 * { -1 } when the conversation does not exist, { -2 } when the intent was voided.
 */
export const APPEND_ACTIVITY_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return { -1 } end
local nonce = ARGV[6]
if nonce ~= '' and redis.call('HGET', KEYS[4], nonce) == 'void' then return { -2 } end
local clientId = ARGV[4]
if clientId ~= '' then
  local position = redis.call('HGET', KEYS[3], clientId)
  if position then return { 0, redis.call('LINDEX', KEYS[2], tonumber(position)) } end
end
local position = redis.call('LLEN', KEYS[2])
local id = ARGV[1] .. '|' .. string.format('%07d', position)
local json = ARGV[2]
local from, to = string.find(json, ARGV[3], 1, true)
json = string.sub(json, 1, from - 1) .. id .. string.sub(json, to + 1)
redis.call('RPUSH', KEYS[2], json)
if clientId ~= '' then redis.call('HSET', KEYS[3], clientId, position) end
if nonce ~= '' then redis.call('HSET', KEYS[4], nonce, position) end
local ttl = tonumber(ARGV[5])
if ttl > 0 then
  for i = 1, 4 do redis.call('EXPIRE', KEYS[i], ttl) end
end
return { 1, json }
`;

/**
 * resolve-intent: what a ledger intent became, for the instance recovering it. An intent whose
 * activity was never appended is voided, so a late append from its writer is refused (see above).
 *
 * KEYS[1] the activity log   KEYS[2] intent nonce → position | "void"
 * ARGV[1] intent nonce   ARGV[2] time to live in seconds ("0" = keep)
 * Returns the activity's JSON, or false when there is none (voided now or before).
 */
export const RESOLVE_INTENT_LUA = `
local position = redis.call('HGET', KEYS[2], ARGV[1])
if position == 'void' then return false end
if position then return redis.call('LINDEX', KEYS[1], tonumber(position)) end
redis.call('HSET', KEYS[2], ARGV[1], 'void')
if tonumber(ARGV[2]) > 0 then redis.call('EXPIRE', KEYS[2], tonumber(ARGV[2])) end
return false
`;

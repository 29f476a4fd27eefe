/**
 * append-activity: adds one activity to a Direct Line conversation's log, unless its
 * clientActivityID is already there (a retried POST), in one atomic step. With an owner, the new
 * activity is also recorded as pending (its turn has not run yet), leased to that owner.
 *
 * KEYS[1] the conversation record (string)   KEYS[2] the activity log (list of JSON)
 * KEYS[3] clientActivityID → position (hash)
 * KEYS[4] pending activities (sorted set: id → lease deadline, ms)
 * KEYS[5] pending leases (hash: id → "attempt|owner")
 * ARGV[1] conversation id   ARGV[2] activity JSON holding the id placeholder
 * ARGV[3] the placeholder   ARGV[4] clientActivityID ("" = none)   ARGV[5] time to live in seconds ("0" = keep)
 * ARGV[6] lease owner ("" = not a pending turn)   ARGV[7] lease length in ms
 *
 * Returns { 1, json } when appended, { 0, json } for a duplicate (the earlier activity),
 * { -1 } when the conversation does not exist.
 */
export const APPEND_ACTIVITY_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return { -1 } end
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
local ttl = tonumber(ARGV[5])
if ttl > 0 then
  for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ttl) end
end
if ARGV[6] ~= '' then
  local time = redis.call('TIME')
  local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
  redis.call('ZADD', KEYS[4], now + tonumber(ARGV[7]), id)
  redis.call('HSET', KEYS[5], id, '1|' .. ARGV[6])
end
return { 1, json }
`;

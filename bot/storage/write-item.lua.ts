/**
 * write-item: writes one bot-state item, only if its eTag still matches, in one atomic step. One
 * key per call: each item hashes to a slot of its own (keyspace/bot-state-keys.ts).
 *
 * KEYS[1] the item's hash (fields: data = JSON, etag = string)
 * ARGV[1] expected eTag ("" or "*" = write whatever is there)   ARGV[2] JSON data
 * ARGV[3] the new eTag (random: never reused, even after a delete)   ARGV[4] time to live in seconds ("0" = keep)
 *
 * Returns 1 when written, 0 when the item had another eTag (nothing written).
 */
export const WRITE_ITEM_LUA = `
local expected = ARGV[1]
if expected ~= '' and expected ~= '*' then
  local current = redis.call('HGET', KEYS[1], 'etag')
  if current and current ~= expected then return 0 end
end
redis.call('HSET', KEYS[1], 'data', ARGV[2], 'etag', ARGV[3])
local ttl = tonumber(ARGV[4])
if ttl > 0 then redis.call('EXPIRE', KEYS[1], ttl) end
return 1
`;

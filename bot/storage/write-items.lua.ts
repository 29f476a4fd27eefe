/**
 * write-items: writes N bot-state items in one atomic step, each only if its eTag still matches.
 *
 * KEYS[1]      the eTag counter (one per deployment, so an eTag is never reused, even after a delete)
 * KEYS[2..N+1] the items' hashes (fields: data = JSON, etag = string)
 * ARGV[1]      time to live in seconds ("0" = keep)
 * ARGV[2i], ARGV[2i+1] for item i (1-based): expected eTag ("" or "*" = write whatever is there), JSON data
 *
 * Returns { 1 } when every item was written, or { 0, i } when item i had another eTag (nothing written).
 */
export const WRITE_ITEMS_LUA = `
local ttl = tonumber(ARGV[1])
local count = #KEYS - 1
for i = 1, count do
  local expected = ARGV[2 * i]
  if expected ~= '' and expected ~= '*' then
    local current = redis.call('HGET', KEYS[i + 1], 'etag')
    if current and current ~= expected then return { 0, i } end
  end
end
for i = 1, count do
  local etag = tostring(redis.call('INCR', KEYS[1]))
  redis.call('HSET', KEYS[i + 1], 'data', ARGV[2 * i + 1], 'etag', etag)
  if ttl > 0 then redis.call('EXPIRE', KEYS[i + 1], ttl) end
end
return { 1 }
`;

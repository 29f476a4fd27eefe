import { script } from '../lua-common';
import { luaTarget } from '../lua-transitions';

export const resolveQuietTicketsScript = script(
  'handoffResolveQuietTickets',
  2,
  `
--[[ resolveQuietTickets: every ticket answered before the cutoff and still answered → resolved
  (no reply within ticketQuietMs); the silence timer starts.
  KEYS[1] answered zset   KEYS[2] activity zset
  ARGV[1] key base  [2] now  [3] quiet cutoff  [4] limit
  Returns {resolved ids...}
]]`,
  `
local now = ARGV[2]
local resolved = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], '-inf', ARGV[3], 'BYSCORE', 'LIMIT', 0, tonumber(ARGV[4]))) do
  redis.call('ZREM', KEYS[1], id)
  local ck = kConv(id)
  local state = get(ck, 'state')
  if state and canResolveQuietTicket(state) then
    redis.call('HSET', ck, 'state', ${luaTarget('resolveQuietTicket')}, 'updatedAt', now)
    redis.call('ZADD', KEYS[2], now, id)
    resolved[#resolved + 1] = id
  end
end
return resolved`,
);

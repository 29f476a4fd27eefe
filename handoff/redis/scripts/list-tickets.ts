import { script } from '../lua-common';

export const listTicketsScript = script(
  'handoffListTickets',
  1,
  `
--[[ listTickets (read-only): open tickets, oldest first, with their fields
  KEYS[1] tickets zset
  ARGV[1] key base  [2] limit
  Returns {id, {fields...}, id, {fields...}, ...}
]]`,
  `
local out = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1)) do
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGETALL', kConv(id))
end
return out`,
);

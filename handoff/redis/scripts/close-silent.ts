import { script } from '../lua-common';
import { luaTarget } from '../lua-transitions';

export const closeSilentScript = script(
  'handoffCloseSilent',
  2,
  `
--[[ closeSilent: every conversation whose silence timer started before the cutoff → closed.
  Queued conversations and tickets are never in the activity set, so they are never closed here.
  KEYS[1] activity zset   KEYS[2] claims zset
  ARGV[1] key base  [2] now  [3] silence cutoff  [4] limit
  Returns {closed ids...}
]]`,
  `
local now = ARGV[2]
local closed = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], '-inf', ARGV[3], 'BYSCORE', 'LIMIT', 0, tonumber(ARGV[4]))) do
  redis.call('ZREM', KEYS[1], id)
  local ck = kConv(id)
  local state = get(ck, 'state')
  if state and canCloseSilent(state) then
    if isHeld(state) then
      local agent = get(ck, 'agent')
      if agent then redis.call('SREM', kAgentConvs(agent), id) end
      redis.call('ZREM', KEYS[2], id)
      stopAnswerTimer(id, ck)
    end
    redis.call('HSET', ck, 'state', ${luaTarget('closeSilent')}, 'closedReason', 'customer-silence', 'updatedAt', now)
    closed[#closed + 1] = id
  end
end
return closed`,
);

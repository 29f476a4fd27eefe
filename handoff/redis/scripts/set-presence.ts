import { script } from '../lua-common';

export const setPresenceScript = script(
  'handoffSetPresence',
  2,
  `
--[[ setPresence: an online agent steps away (keeps their conversations, gets no new ones) or
  comes back. Away = the 'away' field, and out of the language sets that routing, tickets and
  estimated waits read; their B2B reservations go to the pool. Counts as a heartbeat.
  KEYS[1] agent hash   KEYS[2] online agents zset
  ARGV[1] key base  [2] agent id  [3] 'online'|'away'  [4] now
  Returns {'ok', {ids moved to the pool}} | {'agent-offline'}
]]`,
  `
local agentId, now = ARGV[2], ARGV[4]
if redis.call('ZSCORE', KEYS[2], agentId) == false then return {'agent-offline'} end
local languages = get(KEYS[1], 'languages') or ''
redis.call('ZADD', KEYS[2], now, agentId)
local toPool = {}
if ARGV[3] == 'away' then
  redis.call('HSET', KEYS[1], 'away', '1', 'heartbeatAt', now, 'online', '1')
  for lang in string.gmatch(languages, '%S+') do redis.call('ZREM', kLangAgents(lang), agentId) end
  for _, id in ipairs(redis.call('ZRANGE', kReserved(agentId), 0, -1)) do
    moveToPool(id)
    toPool[#toPool + 1] = id
  end
else
  redis.call('HSET', KEYS[1], 'heartbeatAt', now, 'online', '1')
  redis.call('HDEL', KEYS[1], 'away')
  for lang in string.gmatch(languages, '%S+') do redis.call('ZADD', kLangAgents(lang), now, agentId) end
end
return {'ok', toPool}`,
);

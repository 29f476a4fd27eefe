import { script } from '../lua-common';

export const agentOnlineScript = script(
  'handoffAgentOnline',
  2,
  `
--[[ agentOnline: store the agent's profile and mark them online, not away (first heartbeat)
  KEYS[1] agent hash   KEYS[2] online agents zset
  ARGV[1] key base  [2] agent id  [3] languages (space-separated)  [4] skills  [5] capacity  [6] now
  Returns {'ok'}
]]`,
  `
local agentId, now = ARGV[2], ARGV[6]
local old = get(KEYS[1], 'languages')
if old then
  for lang in string.gmatch(old, '%S+') do redis.call('ZREM', kLangAgents(lang), agentId) end
end
redis.call('HSET', KEYS[1], 'languages', ARGV[3], 'skills', ARGV[4], 'capacity', ARGV[5], 'heartbeatAt', now,
  'online', '1')
redis.call('HDEL', KEYS[1], 'away')
redis.call('ZADD', KEYS[2], now, agentId)
for lang in string.gmatch(ARGV[3], '%S+') do redis.call('ZADD', kLangAgents(lang), now, agentId) end
return {'ok'}`,
);

import { script } from '../lua-common';

export const heartbeatScript = script(
  'handoffHeartbeat',
  2,
  `
--[[ heartbeat: the agent console is alive (refused once the agent was marked offline); an away
  agent stays out of the language sets (nobody to route to)
  KEYS[1] agent hash   KEYS[2] online agents zset
  ARGV[1] key base  [2] agent id  [3] now
  Returns {'ok'} | {'agent-offline'}
]]`,
  `
local agentId, now = ARGV[2], ARGV[3]
if redis.call('ZSCORE', KEYS[2], agentId) == false then return {'agent-offline'} end
redis.call('HSET', KEYS[1], 'heartbeatAt', now, 'online', '1')
redis.call('ZADD', KEYS[2], now, agentId)
local profile = redis.call('HMGET', KEYS[1], 'languages', 'away')
if profile[2] == '1' then return {'ok'} end
for lang in string.gmatch(profile[1] or '', '%S+') do
  redis.call('ZADD', kLangAgents(lang), now, agentId)
end
return {'ok'}`,
);

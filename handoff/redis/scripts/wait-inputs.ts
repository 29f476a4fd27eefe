import { script } from '../lua-common';

export const waitInputsScript = script(
  'handoffWaitInputs',
  2,
  `
--[[ waitInputs (read-only): position and the figures the estimated wait is computed from
  KEYS[1] conversation hash   KEYS[2] handling list
  ARGV[1] key base  [2] id  [3] heartbeat cutoff
  Returns {'ok', position, queue length, online slots, {recent handling ms...}}
        | {'not-found'} | {'wrong-state', state}
]]`,
  `
local ck, id = KEYS[1], ARGV[2]
local state = get(ck, 'state')
if not state then return {'not-found'} end
if not isWaiting(state) then return {'wrong-state', state} end
local key = waitingKey(ck)
local rank = redis.call('ZRANK', key, id)
local slots = 0
local speakers = redis.call('ZRANGE', kLangAgents(get(ck, 'language') or ''), ARGV[3], '+inf', 'BYSCORE')
for _, agentId in ipairs(speakers) do slots = slots + tonumber(get(kAgent(agentId), 'capacity') or '0') end
return {'ok', (rank or 0) + 1, redis.call('ZCARD', key), slots, redis.call('LRANGE', KEYS[2], 0, -1)}`,
);

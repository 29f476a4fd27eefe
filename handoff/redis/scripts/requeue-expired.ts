import { script } from '../lua-common';
import { luaTarget } from '../lua-transitions';

export const requeueExpiredScript = script(
  'handoffRequeueExpired',
  4,
  `
--[[ requeueExpired: the sweep every instance may run (it is idempotent and atomic)
  1. agents with no heartbeat since the cutoff → offline; their conversations → head of the queue,
     their B2B reservations → pool;
  2. claims past their deadline (no agent reply) → head of the queue;
  3. conversations whose customer waits for an answer since before the answer cutoff → head of the
     queue, at the place their escalation time gives them (like 1 and 2);
  4. B2B reservations past their wait → pool.
  KEYS[1] online agents zset   KEYS[2] claims zset   KEYS[3] pool-due zset   KEYS[4] unanswered zset
  ARGV[1] key base  [2] now  [3] heartbeat cutoff  [4] head band  [5] limit per step
       [6] answer cutoff ('' when the answer timeout is off)
  Returns {{requeued ids}, {ids moved to the pool}, {agents now offline}, {id, agent, id, agent...} of step 3}
]]`,
  `
local now, headBand, limit = ARGV[2], tonumber(ARGV[4]), tonumber(ARGV[5])
local requeued, toPool, offline = {}, {}, {}
for _, agentId in ipairs(redis.call('ZRANGE', KEYS[1], '-inf', '(' .. ARGV[3], 'BYSCORE', 'LIMIT', 0, limit)) do
  offline[#offline + 1] = agentId
  dropAgent(agentId, now, headBand, requeued, toPool)
end
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], '-inf', now, 'BYSCORE', 'LIMIT', 0, limit)) do
  local ck = kConv(id)
  if canRequeueExpired(get(ck, 'state')) then
    requeueHead(id, ck, now, headBand, ${luaTarget('requeueExpired')})
    requeued[#requeued + 1] = id
  else
    redis.call('ZREM', KEYS[2], id)
  end
end
local unanswered = {}
if ARGV[6] ~= '' then
  -- Strictly before the cutoff: the customer waited more than the timeout.
  for _, id in ipairs(redis.call('ZRANGE', KEYS[4], '-inf', '(' .. ARGV[6], 'BYSCORE', 'LIMIT', 0, limit)) do
    local ck = kConv(id)
    local f = redis.call('HMGET', ck, 'state', 'agent')
    if canRequeueExpired(f[1]) then
      unanswered[#unanswered + 1] = id
      unanswered[#unanswered + 1] = f[2] or ''
      requeueHead(id, ck, now, headBand, ${luaTarget('requeueExpired')})
      requeued[#requeued + 1] = id
    else
      redis.call('ZREM', KEYS[4], id)
    end
  end
end
promoteDue(now, limit, toPool)
return {requeued, toPool, offline, unanswered}`,
);

import { script } from '../lua-common';
import { luaTarget } from '../lua-transitions';

export const transferScript = script(
  'handoffTransfer',
  3,
  `
--[[ transfer: with-agent, by its owner only
  to an agent: stays with-agent, owned by the target; the target must be online, not away, speak the
    language and have room (checked here, in the same step); the claim timeout restarts for it;
  to a queue: → queued in its class by its first escalation (the stored class score), in the given
    language/skill or its own; refused when no available agent speaks that language; frees the owner.
  KEYS[1] conversation hash   KEYS[2] claims zset   KEYS[3] activity zset
  ARGV[1] key base  [2] id  [3] owner agent id  [4] now  [5] 'agent'|'queue'
       [6] target agent id ('' for a queue)  [7] language or ''  [8] skill or ''
       [9] claim deadline  [10] heartbeat cutoff
  Returns {'ok', fields as JSON} | {'not-found'} | {'wrong-state', state} | {'not-owner', owner}
        | {'agent-offline'} | {'agent-unavailable'} | {'not-routable', 'language'} | {'at-capacity', capacity}
]]`,
  `
local ck, id, from, now = KEYS[1], ARGV[2], ARGV[3], ARGV[4]
local cutoff = tonumber(ARGV[10])
local refusal = refuseUnlessOwner(ck, from, ARGV[5] == 'queue' and canTransferToQueue or canTransfer)
if refusal then return refusal end
local f = redis.call('HMGET', ck, 'language', 'skill', 'score')
if ARGV[5] == 'queue' then
  local language = ARGV[7] ~= '' and ARGV[7] or (f[1] or '')
  local skill = ARGV[8] ~= '' and ARGV[8] or (f[2] or 'general')
  if redis.call('ZCOUNT', kLangAgents(language), cutoff, '+inf') == 0 then return {'not-routable', 'language'} end
  redis.call('SREM', kAgentConvs(from), id)
  redis.call('ZREM', KEYS[2], id)
  stopAnswerTimer(id, ck)
  redis.call('ZREM', KEYS[3], id)
  local queue = language .. ':' .. skill
  addToQueue(queue, f[3] or '0', id)
  redis.call('HSET', ck, 'state', ${luaTarget('transferToQueue')}, 'language', language, 'skill', skill, 'queue', queue, 'updatedAt', now)
  redis.call('HDEL', ck, 'agent', 'claimedAt', 'repliedAt')
  return {'ok', packedHash(ck)}
end
local target = ARGV[6]
if target == from then return {'ok', packedHash(ck)} end
local profile = redis.call('HMGET', kAgent(target), 'languages', 'capacity', 'away', 'online', 'heartbeatAt')
if not profile[1] or not liveAgent(profile[4], profile[5], cutoff) then return {'agent-offline'} end
if profile[3] == '1' then return {'agent-unavailable'} end
if not inList(f[1] or '', profile[1]) then return {'not-routable', 'language'} end
local capacity = tonumber(profile[2] or '1')
if redis.call('SCARD', kAgentConvs(target)) >= capacity then return {'at-capacity', capacity} end
redis.call('SREM', kAgentConvs(from), id)
redis.call('SADD', kAgentConvs(target), id)
redis.call('HSET', ck, 'state', ${luaTarget('transfer')}, 'agent', target, 'claimedAt', now, 'updatedAt', now)
redis.call('HDEL', ck, 'repliedAt')
-- The colleague's claim timeout now measures the wait; their own answer timer starts afresh.
stopAnswerTimer(id, ck)
redis.call('ZADD', KEYS[2], ARGV[9], id)
return {'ok', packedHash(ck)}`,
);

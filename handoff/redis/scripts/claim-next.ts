import { script } from '../lua-common';

export const claimNextScript = script(
  'handoffClaimNext',
  3,
  `
--[[ claimNext: the best waiting conversation for this agent → with-agent
  Order: lowest (score, id) among the heads of the agent's reserved B2B set and of every queue
  "language:skill" with a language the agent speaks and skill general or one the agent has.
  Due B2B reservations move to the pool first. Capacity is checked in the same step.
  KEYS[1] agent hash   KEYS[2] agent conversations set   KEYS[3] reserved zset of this agent
  ARGV[1] key base  [2] agent id  [3] now  [4] claim deadline  [5] heartbeat cutoff  [6] sweep limit
  Returns 'card␟language␟skill␟escalatedAt␟lastActivityAt␟id' (one string, ␟ = \x1f: claimedView)
        | {'ok', id, all fields as JSON} (a record older than the card) | {'agent-offline'}
        | {'agent-unavailable'} | {'at-capacity', capacity} | {'queue-empty'}
]]`,
  `
local agentId, now = ARGV[2], ARGV[3]
local profile = redis.call('HMGET', KEYS[1], 'languages', 'skills', 'capacity', 'away', 'online', 'heartbeatAt')
local languages = profile[1]
if not languages or not liveAgent(profile[5], profile[6], tonumber(ARGV[5])) then return {'agent-offline'} end
if profile[4] == '1' then return {'agent-unavailable'} end
local capacity = tonumber(profile[3] or '1')
if redis.call('SCARD', KEYS[2]) >= capacity then return {'at-capacity', capacity} end
local skills = profile[2] or ''
-- The usual agent: one language, no extra skill, so one queue to look at and no list to build.
local only = skills == '' and not string.find(languages, '%s') and kQueue(languages .. ':general') or nil
-- Every reserved conversation has a pool-due time: with none anywhere (the usual case), one read
-- replaces the due-reservations sweep and the look at this agent's reserved set.
-- ('0' not 0: Redis formats a Lua number argument with printf on every call.)
local firstDue = redis.call('ZRANGE', kPoolDue, '0', '0', 'WITHSCORES')
local bestId, bestKey, waitingIn
if only and #firstDue == 0 then
  -- Its head is the answer, and ZPOPMIN takes it out in the same call.
  local head = redis.call('ZPOPMIN', only)
  if #head == 0 then return {'queue-empty'} end
  bestId, bestKey = head[1], only
else
  local bestScore
  local function consider(key)
    local head = redis.call('ZRANGE', key, '0', '0', 'WITHSCORES')
    if #head == 0 then return end
    local score = tonumber(head[2])
    if not bestId or score < bestScore or (score == bestScore and head[1] < bestId) then
      bestId, bestScore, bestKey = head[1], score, key
    end
  end
  if #firstDue > 0 then
    if tonumber(firstDue[2]) <= tonumber(now) then promoteDue(now, tonumber(ARGV[6]), {}) end
    consider(KEYS[3])
  end
  for language in string.gmatch(languages, '%S+') do
    for skill in string.gmatch('general ' .. skills, '%S+') do consider(kQueue(language .. ':' .. skill)) end
  end
  if not bestId then return {'queue-empty'} end
  waitingIn = bestKey
end
local ck = kConv(bestId)
local view = redis.call('HMGET', ck, 'card', 'language', 'skill', 'escalatedAt', 'lastActivityAt', 'state')
-- The queues only hold waiting conversations; a stale entry is dropped, never claimed.
if not canClaim(view[6]) then
  redis.call('ZREM', bestKey, bestId)
  return {'queue-empty'}
end
take(bestId, ck, agentId, now, ARGV[4], waitingIn, bestKey == KEYS[3])
return claimedView(bestId, ck, view)`,
);

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
  Returns {'ok', fields as JSON, id} | {'agent-offline'} | {'agent-unavailable'} | {'at-capacity', capacity}
        | {'queue-empty'}
]]`,
  `
local agentId, now = ARGV[2], ARGV[3]
local profile = redis.call('HMGET', KEYS[1], 'languages', 'skills', 'capacity', 'away')
local languages = profile[1]
if not languages or not isOnline(agentId, tonumber(ARGV[5])) then return {'agent-offline'} end
if profile[4] == '1' then return {'agent-unavailable'} end
local capacity = tonumber(profile[3] or '1')
if redis.call('SCARD', KEYS[2]) >= capacity then return {'at-capacity', capacity} end
promoteDue(now, tonumber(ARGV[6]), {})
local bestId, bestScore = nil, nil
local function consider(key)
  local head = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if #head == 0 then return end
  local score = tonumber(head[2])
  if not bestId or score < bestScore or (score == bestScore and head[1] < bestId) then
    bestId, bestScore = head[1], score
  end
end
consider(KEYS[3])
local skills = 'general ' .. (profile[2] or '')
for language in string.gmatch(languages, '%S+') do
  for skill in string.gmatch(skills, '%S+') do consider(kQueue(language .. ':' .. skill)) end
end
if not bestId then return {'queue-empty'} end
local ck = kConv(bestId)
take(bestId, ck, agentId, now, ARGV[4])
return {'ok', packedHash(ck), bestId}`,
);

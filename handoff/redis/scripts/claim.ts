import { script } from '../lua-common';

export const claimScript = script(
  'handoffClaim',
  4,
  `
--[[ claim: queued → with-agent, one given conversation; capacity checked in the same step
  KEYS[1] conversation hash   KEYS[2] agent hash   KEYS[3] agent conversations set   KEYS[4] claims zset
  ARGV[1] key base  [2] id  [3] agent id  [4] now  [5] claim deadline  [6] heartbeat cutoff
  Returns 'card␟language␟skill␟escalatedAt␟lastActivityAt␟id' (one string, ␟ = \x1f: claimedView)
        | {'ok', id, all fields as JSON} (a record older than the card)
        | {'not-found'} | {'already-claimed', agent} | {'wrong-state', state}
        | {'agent-offline'} | {'agent-unavailable'} | {'not-routable', 'language'|'skill'} | {'reserved', poolAt}
        | {'at-capacity', capacity}
]]`,
  `
local ck, id, agentId, now = KEYS[1], ARGV[2], ARGV[3], ARGV[4]
local c = redis.call('HMGET', ck, 'card', 'language', 'skill', 'escalatedAt', 'lastActivityAt', 'state', 'agent',
  'reservedFor', 'queue')
local state = c[6]
if not state then return {'not-found'} end
if isHeld(state) then return {'already-claimed', c[7] or ''} end
if not canClaim(state) then return {'wrong-state', state} end
local a = redis.call('HMGET', KEYS[2], 'languages', 'skills', 'capacity', 'away', 'online', 'heartbeatAt')
if not a[1] or not liveAgent(a[5], a[6], tonumber(ARGV[6])) then return {'agent-offline'} end
if a[4] == '1' then return {'agent-unavailable'} end
if not inList(c[2] or '', a[1]) then return {'not-routable', 'language'} end
local skill = c[3] or 'general'
if skill ~= 'general' and not inList(skill, a[2] or '') then return {'not-routable', 'skill'} end
local reservedFor = c[8] ~= '' and c[8] or nil
if reservedFor and reservedFor ~= agentId then
  local poolAt = redis.call('ZSCORE', kPoolDue, id)
  if poolAt and tonumber(poolAt) > tonumber(now) then return {'reserved', poolAt} end
end
local capacity = tonumber(a[3] or '1')
if redis.call('SCARD', KEYS[3]) >= capacity then return {'at-capacity', capacity} end
local waitingIn = reservedFor and kReserved(reservedFor) or kQueue(c[9] or '')
take(id, ck, agentId, now, ARGV[5], waitingIn, reservedFor ~= nil)
return claimedView(id, ck, c)`,
);

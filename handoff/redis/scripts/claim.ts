import { script } from '../lua-common';

export const claimScript = script(
  'handoffClaim',
  4,
  `
--[[ claim: queued → with-agent, one given conversation; capacity checked in the same step
  KEYS[1] conversation hash   KEYS[2] agent hash   KEYS[3] agent conversations set   KEYS[4] claims zset
  ARGV[1] key base  [2] id  [3] agent id  [4] now  [5] claim deadline  [6] heartbeat cutoff
  Returns {'ok', fields as JSON, id} | {'not-found'} | {'already-claimed', agent} | {'wrong-state', state}
        | {'agent-offline'} | {'agent-unavailable'} | {'not-routable', 'language'|'skill'} | {'reserved', poolAt}
        | {'at-capacity', capacity}
]]`,
  `
local ck, id, agentId, now = KEYS[1], ARGV[2], ARGV[3], ARGV[4]
local state = get(ck, 'state')
if not state then return {'not-found'} end
if state == 'with-agent' then return {'already-claimed', get(ck, 'agent') or ''} end
if state ~= 'queued' then return {'wrong-state', state} end
local languages = get(KEYS[2], 'languages')
if not languages or not isOnline(agentId, tonumber(ARGV[6])) then return {'agent-offline'} end
if get(KEYS[2], 'away') == '1' then return {'agent-unavailable'} end
if not inList(get(ck, 'language') or '', languages) then return {'not-routable', 'language'} end
local skill = get(ck, 'skill') or 'general'
if skill ~= 'general' and not inList(skill, get(KEYS[2], 'skills') or '') then return {'not-routable', 'skill'} end
local reservedFor = get(ck, 'reservedFor')
if reservedFor and reservedFor ~= agentId then
  local poolAt = redis.call('ZSCORE', kPoolDue, id)
  if poolAt and tonumber(poolAt) > tonumber(now) then return {'reserved', poolAt} end
end
local capacity = tonumber(get(KEYS[2], 'capacity') or '1')
if redis.call('SCARD', KEYS[3]) >= capacity then return {'at-capacity', capacity} end
take(id, ck, agentId, now, ARGV[5])
return {'ok', packedHash(ck), id}`,
);

import { LUA_KEY_HELPERS } from '../keys';

/**
 * Fragments shared by the scripts (like BullMQ's includes/): key helpers from keys.ts, then the
 * moves every transition is made of. Field names match conversation-fields.ts.
 */
export const LUA_COMMON = `${LUA_KEY_HELPERS}
local function n2s(x) return string.format('%.0f', x) end
-- One JSON string instead of HGETALL's flat list: the client decodes one value, not 40.
local function packedHash(key)
  local flat = redis.call('HGETALL', key)
  local t = {}
  for i = 1, #flat, 2 do t[flat[i]] = flat[i + 1] end
  return cjson.encode(t)
end
local function get(key, field)
  local v = redis.call('HGET', key, field)
  if v == false or v == '' then return nil end
  return v
end
local function inList(word, spaced)
  for w in string.gmatch(spaced, '%S+') do if w == word then return true end end
  return false
end
local function isOnline(agentId, cutoff)
  local s = redis.call('ZSCORE', kOnline, agentId)
  return s ~= false and tonumber(s) >= cutoff
end
-- Online and not away: may be given new conversations.
local function isAvailable(agentId, cutoff)
  return isOnline(agentId, cutoff) and redis.call('HGET', kAgent(agentId), 'away') ~= '1'
end
local function addToQueue(q, score, id)
  redis.call('ZADD', kQueue(q), score, id)
  redis.call('SADD', kQueues, q)
end
local function waitingKey(ck)
  local r = get(ck, 'reservedFor')
  if r then return kReserved(r) end
  return kQueue(get(ck, 'queue') or '')
end
local function unqueue(id, ck)
  redis.call('ZREM', waitingKey(ck), id)
  redis.call('ZREM', kPoolDue, id)
  redis.call('HDEL', ck, 'reservedFor')
end
local function take(id, ck, agentId, now, deadline)
  -- One HMGET instead of two HGETs: claimNext is the hottest script.
  local f = redis.call('HMGET', ck, 'reservedFor', 'queue')
  if f[1] and f[1] ~= '' then
    redis.call('ZREM', kReserved(f[1]), id)
    redis.call('ZREM', kPoolDue, id) -- only reserved conversations have a pool-due time
  else
    redis.call('ZREM', kQueue(f[2] or ''), id)
  end
  redis.call('HDEL', ck, 'reservedFor', 'repliedAt')
  redis.call('HSET', ck, 'state', 'with-agent', 'agent', agentId, 'claimedAt', now, 'updatedAt', now)
  redis.call('SADD', kAgentConvs(agentId), id)
  redis.call('ZADD', kClaims, deadline, id)
  redis.call('ZADD', kActivity, now, id)
end
local function requeueHead(id, ck, now, headBand)
  local agent = get(ck, 'agent')
  if agent then redis.call('SREM', kAgentConvs(agent), id) end
  redis.call('ZREM', kClaims, id)
  redis.call('ZREM', kActivity, id)
  local escalatedAt = tonumber(get(ck, 'escalatedAt') or now)
  addToQueue(get(ck, 'queue') or '', n2s(headBand + escalatedAt), id)
  redis.call('HSET', ck, 'state', 'queued', 'updatedAt', now)
  redis.call('HDEL', ck, 'agent', 'claimedAt', 'repliedAt')
end
local function leaveAgent(id, ck, now, to, samples)
  local agent = get(ck, 'agent')
  if agent then redis.call('SREM', kAgentConvs(agent), id) end
  redis.call('ZREM', kClaims, id)
  local claimedAt = tonumber(get(ck, 'claimedAt') or now)
  redis.call('LPUSH', kHandling, n2s(tonumber(now) - claimedAt))
  redis.call('LTRIM', kHandling, 0, tonumber(samples) - 1)
  redis.call('ZADD', kActivity, now, id)
  redis.call('HSET', ck, 'state', to, 'updatedAt', now)
end
local function moveToPool(id)
  redis.call('ZREM', kPoolDue, id)
  local ck = kConv(id)
  if get(ck, 'state') ~= 'queued' then return end
  local manager = get(ck, 'reservedFor')
  if manager then redis.call('ZREM', kReserved(manager), id) end
  redis.call('HDEL', ck, 'reservedFor')
  addToQueue(get(ck, 'queue') or '', get(ck, 'score') or '0', id)
end
local function promoteDue(now, limit, out)
  local due = redis.call('ZRANGE', kPoolDue, '-inf', now, 'BYSCORE', 'LIMIT', 0, limit)
  for _, id in ipairs(due) do
    moveToPool(id)
    out[#out + 1] = id
  end
end
local function dropAgent(agentId, now, headBand, requeued, toPool)
  redis.call('ZREM', kOnline, agentId)
  local langs = get(kAgent(agentId), 'languages')
  if langs then
    for lang in string.gmatch(langs, '%S+') do redis.call('ZREM', kLangAgents(lang), agentId) end
  end
  local convs = redis.call('SMEMBERS', kAgentConvs(agentId))
  table.sort(convs)
  for _, id in ipairs(convs) do
    requeueHead(id, kConv(id), now, headBand)
    requeued[#requeued + 1] = id
  end
  redis.call('DEL', kAgentConvs(agentId))
  for _, id in ipairs(redis.call('ZRANGE', kReserved(agentId), 0, -1)) do
    moveToPool(id)
    toPool[#toPool + 1] = id
  end
end
-- The owner check of every with-agent transition: nil when allowed, else the refusal reply.
local function refuseUnlessOwner(ck, agentId)
  local state = get(ck, 'state')
  if not state then return {'not-found'} end
  if state ~= 'with-agent' then return {'wrong-state', state} end
  local owner = get(ck, 'agent') or ''
  if owner ~= agentId then return {'not-owner', owner} end
  return nil
end
`;

/** A script = its header (KEYS/ARGV/returns, kept in the Lua text) + the common fragments + body. */
export interface HandoffScript {
  readonly name: string;
  readonly numberOfKeys: number;
  readonly lua: string;
}

export function script(name: string, numberOfKeys: number, header: string, body: string): HandoffScript {
  return Object.freeze({ name, numberOfKeys, lua: `${header.trim()}\n${LUA_COMMON}\n${body.trim()}\n` });
}

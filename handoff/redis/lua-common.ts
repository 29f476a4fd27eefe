import { LUA_KEY_HELPERS } from '../../keyspace/index';
import { LUA_TRANSITION_GUARDS, luaTarget } from './lua-transitions';

/**
 * Fragments shared by the scripts (like BullMQ's includes/): key helpers from keys.ts, transition
 * guards from TRANSITIONS (lua-transitions.ts), then the moves every transition is made of. Field
 * names match conversation-fields.ts; every state a fragment writes comes from the table.
 *
 * Redis runs a script's whole text on every call, so each script gets only the fragments its body
 * uses (and what those use): a full prelude cost about 2 µs per call, a tenth of a claim.
 */
const FRAGMENTS: readonly (readonly [string, string])[] = [
  ...LUA_KEY_HELPERS,
  ...LUA_TRANSITION_GUARDS,
  ['n2s', `local function n2s(x) return string.format('%.0f', x) end`],
  [
    'packedHash',
    `-- One JSON string instead of HGETALL's flat list: the client decodes one value, not 40.
local function packedHash(key)
  local flat = redis.call('HGETALL', key)
  local t = {}
  for i = 1, #flat, 2 do t[flat[i]] = flat[i + 1] end
  return cjson.encode(t)
end`,
  ],
  [
    'claimedView',
    `-- A claim's reply: what the client does not already know (it sent the agent and the time, and a
-- queued conversation carries no other field), as one string: one value costs the client far less
-- to decode than seven. Joined by \\x1f, which none of them holds (the card is JSON, which escapes
-- control characters; language, skill and times are validated words and digits); the id, the one
-- free-form value, comes last. Older records: {'ok', id, every field as JSON}.
local function claimedView(id, ck, v)
  if not v[1] then return {'ok', id, packedHash(ck)} end
  return v[1] .. '\\031' .. (v[2] or '') .. '\\031' .. (v[3] or '') .. '\\031' .. (v[4] or '') .. '\\031'
    .. (v[5] or '') .. '\\031' .. id
end`,
  ],
  [
    'get',
    `local function get(key, field)
  local v = redis.call('HGET', key, field)
  if v == false or v == '' then return nil end
  return v
end`,
  ],
  [
    'stopAnswerTimer',
    `-- The agent owes the customer nothing (answered, or the conversation left them).
local function stopAnswerTimer(id, ck)
  redis.call('ZREM', kUnanswered, id)
  redis.call('HDEL', ck, 'awaitingSince')
end`,
  ],
  [
    'inList',
    `local function inList(word, spaced)
  for w in string.gmatch(spaced, '%S+') do if w == word then return true end end
  return false
end`,
  ],
  [
    'liveAgent',
    `-- From the agent hash's 'online' and 'heartbeatAt' fields (HMGET): logged in, console alive.
local function liveAgent(online, heartbeatAt, cutoff)
  return online == '1' and (tonumber(heartbeatAt) or 0) >= cutoff
end`,
  ],
  [
    'isAvailable',
    `-- Online and not away: may be given new conversations.
local function isAvailable(agentId, cutoff)
  local a = redis.call('HMGET', kAgent(agentId), 'online', 'heartbeatAt', 'away')
  return liveAgent(a[1], a[2], cutoff) and a[3] ~= '1'
end`,
  ],
  [
    'addToQueue',
    `local function addToQueue(q, score, id)
  redis.call('ZADD', kQueue(q), score, id)
  redis.call('SADD', kQueues, q)
end`,
  ],
  [
    'waitingKey',
    `local function waitingKey(ck)
  local f = redis.call('HMGET', ck, 'reservedFor', 'queue')
  if f[1] and f[1] ~= '' then return kReserved(f[1]) end
  return kQueue(f[2] or '')
end`,
  ],
  [
    'unqueue',
    `local function unqueue(id, ck)
  redis.call('ZREM', waitingKey(ck), id)
  redis.call('ZREM', kPoolDue, id)
  redis.call('HDEL', ck, 'reservedFor')
end`,
  ],
  [
    'take',
    `-- queued → with-agent. waitingIn: the sorted set it waits in (reserved: an account manager's), nil
-- when the caller already popped it. A queued conversation has no repliedAt: every way into queued
-- clears it.
local function take(id, ck, agentId, now, deadline, waitingIn, reserved)
  if waitingIn then redis.call('ZREM', waitingIn, id) end
  if reserved then
    redis.call('ZREM', kPoolDue, id) -- only reserved conversations have a pool-due time
    redis.call('HDEL', ck, 'reservedFor')
  end
  redis.call('HSET', ck, 'state', ${luaTarget('claim')}, 'agent', agentId, 'claimedAt', now, 'updatedAt', now)
  redis.call('SADD', kAgentConvs(agentId), id)
  redis.call('ZADD', kClaims, deadline, id)
  redis.call('ZADD', kActivity, now, id)
end`,
  ],
  [
    'requeueHead',
    `-- with-agent → the head band of its queue; to: the target of the transition that calls it.
local function requeueHead(id, ck, now, headBand, to)
  local f = redis.call('HMGET', ck, 'agent', 'escalatedAt', 'queue')
  if f[1] and f[1] ~= '' then redis.call('SREM', kAgentConvs(f[1]), id) end
  redis.call('ZREM', kClaims, id)
  stopAnswerTimer(id, ck)
  redis.call('ZREM', kActivity, id)
  addToQueue(f[3] or '', n2s(headBand + tonumber(f[2] or now)), id)
  redis.call('HSET', ck, 'state', to, 'updatedAt', now)
  redis.call('HDEL', ck, 'agent', 'claimedAt', 'repliedAt')
end`,
  ],
  [
    'leaveAgent',
    `local function leaveAgent(id, ck, now, to, samples)
  local f = redis.call('HMGET', ck, 'agent', 'claimedAt')
  if f[1] and f[1] ~= '' then redis.call('SREM', kAgentConvs(f[1]), id) end
  redis.call('ZREM', kClaims, id)
  stopAnswerTimer(id, ck)
  redis.call('LPUSH', kHandling, n2s(tonumber(now) - tonumber(f[2] or now)))
  redis.call('LTRIM', kHandling, 0, tonumber(samples) - 1)
  redis.call('ZADD', kActivity, now, id)
  redis.call('HSET', ck, 'state', to, 'updatedAt', now)
end`,
  ],
  [
    'moveToPool',
    `local function moveToPool(id)
  redis.call('ZREM', kPoolDue, id)
  local ck = kConv(id)
  local f = redis.call('HMGET', ck, 'state', 'reservedFor', 'queue', 'score')
  if not isWaiting(f[1]) then return end
  if f[2] and f[2] ~= '' then redis.call('ZREM', kReserved(f[2]), id) end
  redis.call('HDEL', ck, 'reservedFor')
  addToQueue(f[3] or '', f[4] or '0', id)
end`,
  ],
  [
    'promoteDue',
    `local function promoteDue(now, limit, out)
  local due = redis.call('ZRANGE', kPoolDue, '-inf', now, 'BYSCORE', 'LIMIT', 0, limit)
  for _, id in ipairs(due) do
    moveToPool(id)
    out[#out + 1] = id
  end
end`,
  ],
  [
    'dropAgent',
    `local function dropAgent(agentId, now, headBand, requeued, toPool)
  redis.call('ZREM', kOnline, agentId)
  local ak = kAgent(agentId)
  local langs = get(ak, 'languages')
  redis.call('HDEL', ak, 'online')
  if langs then
    for lang in string.gmatch(langs, '%S+') do redis.call('ZREM', kLangAgents(lang), agentId) end
  end
  local convs = redis.call('SMEMBERS', kAgentConvs(agentId))
  table.sort(convs)
  for _, id in ipairs(convs) do
    requeueHead(id, kConv(id), now, headBand, ${luaTarget('requeueExpired')})
    requeued[#requeued + 1] = id
  end
  redis.call('DEL', kAgentConvs(agentId))
  for _, id in ipairs(redis.call('ZRANGE', kReserved(agentId), 0, -1)) do
    moveToPool(id)
    toPool[#toPool + 1] = id
  end
end`,
  ],
  [
    'refuseUnlessOwner',
    `-- The owner check of every with-agent transition: nil when allowed, else the refusal reply.
-- allowed: the transition's guard (canRelease…), or isHeld for the owner's moves that keep the state.
local function refuseUnlessOwner(ck, agentId, allowed)
  local f = redis.call('HMGET', ck, 'state', 'agent')
  local state = f[1]
  if not state then return {'not-found'} end
  if not allowed(state) then return {'wrong-state', state} end
  local owner = f[2] or ''
  if owner ~= agentId then return {'not-owner', owner} end
  return nil
end`,
  ],
];

const uses = (code: string, name: string): boolean => new RegExp(`\\b${name}\\b`).test(code);

/** `local base = ARGV[1]` and the fragments `body` needs, in definition order. */
export function preludeFor(body: string): string {
  // A fragment only uses earlier ones, so one backward pass finds everything needed.
  const needed: string[] = [];
  let scope = body;
  for (let i = FRAGMENTS.length - 1; i >= 0; i--) {
    const [name, code] = FRAGMENTS[i] ?? ['', ''];
    if (!uses(scope, name)) continue;
    needed.unshift(code);
    scope += `\n${code}`;
  }
  return ['local base = ARGV[1]', ...needed].join('\n');
}

/** A script = its header (KEYS/ARGV/returns, kept in the Lua text) + the fragments it uses + body. */
export interface HandoffScript {
  readonly name: string;
  readonly numberOfKeys: number;
  readonly lua: string;
}

export function script(name: string, numberOfKeys: number, header: string, body: string): HandoffScript {
  const lua = `${header.trim()}\n${preludeFor(body)}\n${body.trim()}\n`;
  return Object.freeze({ name, numberOfKeys, lua });
}

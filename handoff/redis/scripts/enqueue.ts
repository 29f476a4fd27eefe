import { script } from '../lua-common';
import { LUA_INITIAL_STATE, luaTarget } from '../lua-transitions';

export const enqueueScript = script(
  'handoffEnqueue',
  4,
  `
--[[ enqueue: bot|cancelled|resolved|closed → queued (or → ticket outside hours / nobody available
  for the language). A known conversation starts a new cycle: its old fields and timers go.
  KEYS[1] conversation hash   KEYS[2] activity zset   KEYS[3] tickets zset   KEYS[4] language agents zset
  ARGV[1] key base  [2] id  [3] now  [4] card JSON (priority, reason, contact, transcript, context)
       [5] account manager or ''
       [6] the scalars below joined by \x1f (one argument instead of seven: ioredis spends more per
           argument than Redis spends splitting them; none of them can hold a control character):
           1 language  2 skill  3 score  4 poolAt  5 heartbeat cutoff  6 open '1'|'0'  7 promisedReplyAt
  Returns position (an integer: queued in the pool, the usual case; one value is cheaper to send and
        decode than a table) | {'queued', position, reservedFor}
        | {'ticket', 'outside-hours'|'no-agent-online'} | {'already-queued'} | {'wrong-state', state}
]]`,
  `
local ck, id, now, manager = KEYS[1], ARGV[2], ARGV[3], ARGV[5]
local old = redis.call('HMGET', ck, 'state', 'lastActivityAt')
local state = old[1] or ${LUA_INITIAL_STATE}
if isWaiting(state) then return {'already-queued'} end
local a, s, from = {}, ARGV[6], 1
while true do
  local sep = string.find(s, '\\031', from, true)
  if not sep then a[#a + 1] = string.sub(s, from) break end
  a[#a + 1] = string.sub(s, from, sep - 1)
  from = sep + 1
end
local language, skill, score, cutoff = a[1], a[2], a[3], a[5]
local queue = language .. ':' .. skill
local f = {'card', ARGV[4], 'language', language, 'skill', skill, 'escalatedAt', now, 'queue', queue,
  'score', score, 'updatedAt', now}
local open = a[6] == '1'
-- Anyone whose last heartbeat is at or after the cutoff? Read from the newest end: ZCOUNT walks the
-- whole set while it is small (listpack), this stops at the first entry. Numbers are passed to
-- redis.call as strings: Redis formats a Lua number with printf("%.17g") on every call.
local ticket = not open or #redis.call('ZRANGE', KEYS[4], '+inf', cutoff, 'BYSCORE', 'REV', 'LIMIT', '0', '1') == 0
-- Each outcome checks its own row of the table, before anything is written.
if ticket and not canOpenTicket(state) or not ticket and not canEnqueue(state) then return {'wrong-state', state} end
local function put(k, v) f[#f + 1] = k; f[#f + 1] = v end
if old[2] then put('lastActivityAt', old[2]) end
if old[1] then
  redis.call('DEL', ck)
  redis.call('ZREM', KEYS[2], id)
end
if ticket then
  put('state', ${luaTarget('openTicket')}); put('ticketAt', now); put('promisedAt', a[7])
  redis.call('HSET', ck, unpack(f))
  redis.call('ZADD', KEYS[3], now, id)
  if not open then return {'ticket', 'outside-hours'} end
  return {'ticket', 'no-agent-online'}
end
put('state', ${luaTarget('enqueue')})
if manager ~= '' and isAvailable(manager, tonumber(cutoff)) then
  put('reservedFor', manager)
  redis.call('HSET', ck, unpack(f))
  redis.call('ZADD', kReserved(manager), score, id)
  redis.call('ZADD', kPoolDue, a[4], id)
  return {'queued', redis.call('ZRANK', kReserved(manager), id) + 1, manager}
end
redis.call('HSET', ck, unpack(f))
local qk = kQueue(queue)
redis.call('ZADD', qk, score, id)
local rank = redis.call('ZRANK', qk, id)
-- The queues set only grows, and a queue that was empty puts the newcomer at rank 0: only then can
-- its name be missing (a VIP arriving at the head of a busy queue adds it again, harmlessly).
if rank == 0 then redis.call('SADD', kQueues, queue) end
return rank + 1`,
);

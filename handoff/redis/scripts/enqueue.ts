import { script } from '../lua-common';

export const enqueueScript = script(
  'handoffEnqueue',
  4,
  `
--[[ enqueue: bot|cancelled → queued (or → ticket outside hours / nobody online for the language)
  KEYS[1] conversation hash   KEYS[2] activity zset   KEYS[3] tickets zset   KEYS[4] language agents zset
  ARGV[1] key base  [2] id  [3] now  [4] contact JSON  [5] transcript JSON  [6] context JSON
       [7] the scalars below joined by \x1f (one argument instead of twelve: ioredis spends more per
           argument than Redis spends splitting them):
           1 language  2 skill  3 priority  4 reason  5 queue  6 score  7 account manager or ''
           8 poolAt  9 heartbeat cutoff  10 open '1'|'0'  11 promisedReplyAt
           12 states enqueue is allowed from (space-separated)
  Returns {'queued', position [, reservedFor]} | {'ticket', 'outside-hours'|'no-agent-online'}
        | {'already-queued'} | {'wrong-state', state}
]]`,
  `
local ck, id, now = KEYS[1], ARGV[2], ARGV[3]
local a = {}
for v in string.gmatch(ARGV[7] .. '\\031', '([^\\031]*)\\031') do a[#a + 1] = v end
local language, skill, priority, reason, queue, score = a[1], a[2], a[3], a[4], a[5], a[6]
local manager, poolAt, cutoff, open, promisedAt, allowedFrom = a[7], a[8], tonumber(a[9]), a[10], a[11], a[12]
local state = get(ck, 'state') or 'bot'
if state == 'queued' then return {'already-queued'} end
if not inList(state, allowedFrom) then return {'wrong-state', state} end
local lastActivity = get(ck, 'lastActivityAt')
redis.call('DEL', ck)
redis.call('HSET', ck, 'language', language, 'skill', skill, 'priority', priority, 'reason', reason,
  'escalatedAt', now, 'queue', queue, 'score', score, 'contact', ARGV[4], 'transcript', ARGV[5],
  'context', ARGV[6], 'updatedAt', now)
if lastActivity then redis.call('HSET', ck, 'lastActivityAt', lastActivity) end
if manager ~= '' then redis.call('HSET', ck, 'manager', manager) end
redis.call('ZREM', KEYS[2], id)
local speakers = redis.call('ZCOUNT', KEYS[4], cutoff, '+inf')
if open ~= '1' or speakers == 0 then
  redis.call('HSET', ck, 'state', 'ticket', 'ticketAt', now, 'promisedAt', promisedAt)
  redis.call('ZADD', KEYS[3], now, id)
  if open ~= '1' then return {'ticket', 'outside-hours'} end
  return {'ticket', 'no-agent-online'}
end
redis.call('HSET', ck, 'state', 'queued')
if manager ~= '' and isAvailable(manager, cutoff) then
  redis.call('HSET', ck, 'reservedFor', manager)
  redis.call('ZADD', kReserved(manager), score, id)
  redis.call('ZADD', kPoolDue, poolAt, id)
  return {'queued', redis.call('ZRANK', kReserved(manager), id) + 1, manager}
end
addToQueue(queue, score, id)
return {'queued', redis.call('ZRANK', kQueue(queue), id) + 1}`,
);

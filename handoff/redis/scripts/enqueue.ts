import { script } from '../lua-common';

export const enqueueScript = script(
  'handoffEnqueue',
  4,
  `
--[[ enqueue: bot|cancelled → queued (or → ticket outside hours / nobody online for the language)
  KEYS[1] conversation hash   KEYS[2] activity zset   KEYS[3] tickets zset   KEYS[4] language agents zset
  ARGV[1] key base  [2] id  [3] now  [4] language  [5] skill  [6] priority  [7] reason  [8] queue
       [9] score  [10] account manager or ''  [11] poolAt  [12] heartbeat cutoff  [13] open '1'|'0'
       [14] promisedReplyAt  [15] contact JSON  [16] transcript JSON  [17] context JSON
       [18] states enqueue is allowed from (space-separated)
  Returns {'queued', position [, reservedFor]} | {'ticket', 'outside-hours'|'no-agent-online'}
        | {'already-queued'} | {'wrong-state', state}
]]`,
  `
local ck, id, now = KEYS[1], ARGV[2], ARGV[3]
local state = get(ck, 'state') or 'bot'
if state == 'queued' then return {'already-queued'} end
if not inList(state, ARGV[18]) then return {'wrong-state', state} end
local lastActivity = get(ck, 'lastActivityAt')
redis.call('DEL', ck)
redis.call('HSET', ck, 'language', ARGV[4], 'skill', ARGV[5], 'priority', ARGV[6], 'reason', ARGV[7],
  'escalatedAt', now, 'queue', ARGV[8], 'score', ARGV[9], 'contact', ARGV[15], 'transcript', ARGV[16],
  'context', ARGV[17], 'updatedAt', now)
if lastActivity then redis.call('HSET', ck, 'lastActivityAt', lastActivity) end
local manager = ARGV[10]
if manager ~= '' then redis.call('HSET', ck, 'manager', manager) end
redis.call('ZREM', KEYS[2], id)
local cutoff = tonumber(ARGV[12])
local speakers = redis.call('ZCOUNT', KEYS[4], cutoff, '+inf')
if ARGV[13] ~= '1' or speakers == 0 then
  redis.call('HSET', ck, 'state', 'ticket', 'ticketAt', now, 'promisedAt', ARGV[14])
  redis.call('ZADD', KEYS[3], now, id)
  if ARGV[13] ~= '1' then return {'ticket', 'outside-hours'} end
  return {'ticket', 'no-agent-online'}
end
redis.call('HSET', ck, 'state', 'queued')
if manager ~= '' and isOnline(manager, cutoff) then
  redis.call('HSET', ck, 'reservedFor', manager)
  redis.call('ZADD', kReserved(manager), ARGV[9], id)
  redis.call('ZADD', kPoolDue, ARGV[11], id)
  return {'queued', redis.call('ZRANK', kReserved(manager), id) + 1, manager}
end
addToQueue(ARGV[8], ARGV[9], id)
return {'queued', redis.call('ZRANK', kQueue(ARGV[8]), id) + 1}`,
);

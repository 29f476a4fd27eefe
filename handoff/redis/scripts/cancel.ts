import { script } from '../lua-common';
import { luaTarget } from '../lua-transitions';

export const cancelScript = script(
  'handoffCancel',
  3,
  `
--[[ cancel: queued|ticket|answered → cancelled (the customer stopped waiting, or withdrew the
  ticket: it leaves the queue, the ticket list and the quiet sweep in this one step; the bot takes over again)
  KEYS[1] conversation hash   KEYS[2] activity zset   KEYS[3] pool-due zset
  ARGV[1] key base  [2] id  [3] now
  Returns {'ok', fields...} | {'not-found'} | {'wrong-state', state}
]]`,
  `
local ck, id, now = KEYS[1], ARGV[2], ARGV[3]
local state = get(ck, 'state')
if not state then return {'not-found'} end
if not canCancel(state) then return {'wrong-state', state} end
unqueue(id, ck)
redis.call('ZREM', kTickets, id)
redis.call('ZREM', kAnswered, id)
redis.call('HSET', ck, 'state', ${luaTarget('cancel')}, 'updatedAt', now)
redis.call('ZADD', KEYS[2], now, id)
return {'ok', packedHash(ck)}`,
);

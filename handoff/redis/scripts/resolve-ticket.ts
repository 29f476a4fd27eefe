import { script } from '../lua-common';
import { luaTarget } from '../lua-transitions';

export const resolveTicketScript = script(
  'handoffResolveTicket',
  3,
  `
--[[ resolveTicket: answered → resolved (the customer confirmed the answer settled it); the silence timer starts.
  KEYS[1] conversation hash   KEYS[2] answered zset   KEYS[3] activity zset
  ARGV[1] key base  [2] id  [3] now
  Returns {'ok', fields...} | {'not-found'} | {'wrong-state', state}
]]`,
  `
local ck, id, now = KEYS[1], ARGV[2], ARGV[3]
local state = get(ck, 'state')
if not state then return {'not-found'} end
if not canResolveTicket(state) then return {'wrong-state', state} end
redis.call('ZREM', KEYS[2], id)
redis.call('HSET', ck, 'state', ${luaTarget('resolveTicket')}, 'updatedAt', now)
redis.call('ZADD', KEYS[3], now, id)
return {'ok', packedHash(ck)}`,
);

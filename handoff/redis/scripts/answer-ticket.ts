import { script } from '../lua-common';
import { luaTarget } from '../lua-transitions';

export const answerTicketScript = script(
  'handoffAnswerTicket',
  3,
  `
--[[ answerTicket: ticket → answered, storing the answer (exactly once). The case stays open for the
  customer's reply: out of the ticket list, into the answered set the quiet sweep reads (no silence timer).
  KEYS[1] conversation hash   KEYS[2] tickets zset   KEYS[3] answered zset
  ARGV[1] key base  [2] id  [3] agent id  [4] now  [5] answer
  Returns {'ok', fields...} | {'not-found'} | {'wrong-state', state}
]]`,
  `
local ck, id, now = KEYS[1], ARGV[2], ARGV[4]
local state = get(ck, 'state')
if not state then return {'not-found'} end
if not canAnswerTicket(state) then return {'wrong-state', state} end
redis.call('ZREM', KEYS[2], id)
redis.call('HSET', ck, 'state', ${luaTarget('answerTicket')}, 'agent', ARGV[3], 'answer', ARGV[5], 'answeredBy', ARGV[3],
  'answeredAt', now, 'updatedAt', now)
redis.call('ZADD', KEYS[3], now, id)
return {'ok', packedHash(ck)}`,
);

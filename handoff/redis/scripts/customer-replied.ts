import { script } from '../lua-common';
import { luaTarget } from '../lua-transitions';

export const customerRepliedScript = script(
  'handoffCustomerReplied',
  3,
  `
--[[ customerReplied: answered → queued, reserved for the agent who answered (online, not away, with
  room; the pool at poolAt, like a B2B reservation), else answered → ticket at its first place in the list.
  KEYS[1] conversation hash   KEYS[2] tickets zset   KEYS[3] answered zset
  ARGV[1] key base  [2] id  [3] now  [4] heartbeat cutoff  [5] poolAt
  Returns {'ok', fields...} | {'not-found'} | {'wrong-state', state}
]]`,
  `
local ck, id, now = KEYS[1], ARGV[2], ARGV[3]
local f = redis.call('HMGET', ck, 'state', 'answeredBy', 'score', 'ticketAt')
local state = f[1]
if not state then return {'not-found'} end
if not canReplyToAnswer(state) and not canReopenTicket(state) then return {'wrong-state', state} end
local agent = f[2]
local room = false
if agent and agent ~= '' and isAvailable(agent, tonumber(ARGV[4])) then
  local capacity = tonumber(redis.call('HGET', kAgent(agent), 'capacity')) or 0
  room = redis.call('SCARD', kAgentConvs(agent)) < capacity
end
-- Each of the two moves checks its own row of the table.
if room and not canReplyToAnswer(state) or not room and not canReopenTicket(state) then
  return {'wrong-state', state}
end
redis.call('ZREM', KEYS[3], id)
redis.call('HDEL', ck, 'agent')
if room then
  redis.call('HSET', ck, 'state', ${luaTarget('replyToAnswer')}, 'reservedFor', agent, 'updatedAt', now)
  redis.call('ZADD', kReserved(agent), f[3] or '0', id)
  redis.call('ZADD', kPoolDue, ARGV[5], id)
else
  redis.call('HSET', ck, 'state', ${luaTarget('reopenTicket')}, 'updatedAt', now)
  redis.call('ZADD', KEYS[2], f[4] or now, id)
end
return {'ok', packedHash(ck)}`,
);

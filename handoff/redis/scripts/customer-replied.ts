import { script } from '../lua-common';

export const customerRepliedScript = script(
  'handoffCustomerReplied',
  3,
  `
--[[ customerReplied: answered → queued, reserved for the agent who answered (online, not away, with
  room; the pool at poolAt, like a B2B reservation), else answered → ticket at its first place in the list.
  KEYS[1] conversation hash   KEYS[2] tickets zset   KEYS[3] answered zset
  ARGV[1] key base  [2] id  [3] now  [4] heartbeat cutoff  [5] poolAt  [6] states allowed from
  Returns {'ok', fields...} | {'not-found'} | {'wrong-state', state}
]]`,
  `
local ck, id, now = KEYS[1], ARGV[2], ARGV[3]
local f = redis.call('HMGET', ck, 'state', 'answeredBy', 'score', 'ticketAt')
local state = f[1]
if not state then return {'not-found'} end
if not inList(state, ARGV[6]) then return {'wrong-state', state} end
redis.call('ZREM', KEYS[3], id)
redis.call('HDEL', ck, 'agent')
local agent = f[2]
local room = false
if agent and agent ~= '' and isAvailable(agent, tonumber(ARGV[4])) then
  local capacity = tonumber(redis.call('HGET', kAgent(agent), 'capacity')) or 0
  room = redis.call('SCARD', kAgentConvs(agent)) < capacity
end
if room then
  redis.call('HSET', ck, 'state', 'queued', 'reservedFor', agent, 'updatedAt', now)
  redis.call('ZADD', kReserved(agent), f[3] or '0', id)
  redis.call('ZADD', kPoolDue, ARGV[5], id)
else
  redis.call('HSET', ck, 'state', 'ticket', 'updatedAt', now)
  redis.call('ZADD', KEYS[2], f[4] or now, id)
end
return {'ok', packedHash(ck)}`,
);

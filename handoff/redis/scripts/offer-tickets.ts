import { script } from '../lua-common';
import { luaTarget } from '../lua-transitions';

export const offerTicketsScript = script(
  'handoffOfferTickets',
  2,
  `
--[[ offerTickets: an agent came online (the caller checked business hours): each open ticket in one
  of their languages whose customer was active (or opened it) at or after the presence cutoff goes
  ticket → queued, in its own queue with its class score. Nothing when the agent is not available.
  KEYS[1] agent hash   KEYS[2] tickets zset
  ARGV[1] key base  [2] agent id  [3] now  [4] heartbeat cutoff  [5] presence cutoff  [6] limit
  Returns {offered ids...}, oldest ticket first
]]`,
  `
local now = ARGV[3]
local offered = {}
if not isAvailable(ARGV[2], tonumber(ARGV[4])) then return offered end
local langs = get(KEYS[1], 'languages') or ''
local present = tonumber(ARGV[5])
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, tonumber(ARGV[6]) - 1)) do
  local ck = kConv(id)
  local f = redis.call('HMGET', ck, 'state', 'language', 'lastActivityAt', 'ticketAt', 'queue', 'score')
  local seen = math.max(tonumber(f[3]) or 0, tonumber(f[4]) or 0)
  if f[1] and canOfferTicket(f[1]) and f[2] and inList(f[2], langs) and seen >= present then
    redis.call('ZREM', KEYS[2], id)
    addToQueue(f[5] or '', f[6] or '0', id)
    redis.call('HSET', ck, 'state', ${luaTarget('offerTicket')}, 'updatedAt', now)
    offered[#offered + 1] = id
  end
end
return offered`,
);

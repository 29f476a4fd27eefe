import { script } from '../lua-common';

export const peekScript = script(
  'handoffPeek',
  2,
  `
--[[ peek (read-only): the first entries of every queue and every reservation set, for supervisors
  KEYS[1] queues set   KEYS[2] online agents zset
  ARGV[1] key base  [2] limit per set
  Returns {id, queue, score, reservedFor or '', ...} (merged and sorted by the caller)
]]`,
  `
local limit = tonumber(ARGV[2])
local out = {}
local function collect(key)
  local entries = redis.call('ZRANGE', key, 0, limit - 1, 'WITHSCORES')
  for i = 1, #entries, 2 do
    local ck = kConv(entries[i])
    out[#out + 1] = entries[i]
    out[#out + 1] = get(ck, 'queue') or ''
    out[#out + 1] = entries[i + 1]
    out[#out + 1] = get(ck, 'reservedFor') or ''
  end
end
for _, q in ipairs(redis.call('SMEMBERS', KEYS[1])) do collect(kQueue(q)) end
for _, agentId in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do collect(kReserved(agentId)) end
return out`,
);

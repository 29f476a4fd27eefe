import { LUA_INSIGHTS_KEYS } from '../../../keyspace/index';

/** A script: its header (KEYS/ARGV/returns, kept in the Lua text), the key helpers, the body. */
export interface InsightsScript {
  readonly name: string;
  readonly numberOfKeys: number;
  readonly lua: string;
}

function script(name: string, numberOfKeys: number, header: string, body: string): InsightsScript {
  return Object.freeze({
    name,
    numberOfKeys,
    lua: `${header.trim()}\n${LUA_INSIGHTS_KEYS}\n${body.trim()}\n`,
  });
}

export const recordSurveyScript = script(
  'insightsRecordSurvey',
  3,
  `
--[[ recordSurvey: insert or replace one conversation's survey and keep both indexes in step
  KEYS[1] survey hash   KEYS[2] time index zset   KEYS[3] customer set of the new record
  ARGV[1] key base  [2] conversation id  [3] closedAt ms  [4] customer id or ''  [5] record JSON
  ARGV[6] recordedAt ms
  Returns 0 new, 1 replaced, -1 stale (the stored survey was recorded later: nothing written)
]]`,
  `
local stored = redis.call('HMGET', KEYS[1], 'customer', 'recordedAt')
local existed = redis.call('EXISTS', KEYS[1])
if existed == 1 and tonumber(stored[2] or '0') > tonumber(ARGV[6]) then return -1 end
local old = stored[1]
if old and old ~= '' and old ~= ARGV[4] then redis.call('SREM', kCustomer(old), ARGV[2]) end
redis.call('HSET', KEYS[1], 'json', ARGV[5], 'customer', ARGV[4], 'at', ARGV[3], 'recordedAt', ARGV[6])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
if ARGV[4] ~= '' then redis.call('SADD', KEYS[3], ARGV[2]) end
return existed`,
);

export const eraseCustomerScript = script(
  'insightsEraseCustomer',
  2,
  `
--[[ eraseCustomer: delete every survey of one customer, its index entries and the customer's set
  KEYS[1] customer set   KEYS[2] time index zset
  ARGV[1] key base
  Returns the deleted surveys as a flat list: conversation id, channel, conversation id, channel…
]]`,
  `
local ids = redis.call('SMEMBERS', KEYS[1])
local out = {}
for _, id in ipairs(ids) do
  local key = kSurvey(id)
  local json = redis.call('HGET', key, 'json')
  if json then
    local ok, record = pcall(cjson.decode, json)
    local channel = (ok and type(record) == 'table' and type(record.context) == 'table'
      and type(record.context.channel) == 'string') and record.context.channel or 'unknown'
    redis.call('DEL', key)
    out[#out + 1] = id
    out[#out + 1] = channel
  end
  redis.call('ZREM', KEYS[2], id)
end
redis.call('DEL', KEYS[1])
return out`,
);

export const purgeClosedBeforeScript = script(
  'insightsPurgeClosedBefore',
  1,
  `
--[[ purgeClosedBefore: delete up to ARGV[3] surveys closed before ARGV[2] (the caller loops)
  KEYS[1] time index zset
  ARGV[1] key base  [2] cutoff ms (exclusive)  [3] batch size
  Returns the number of surveys deleted in this batch
]]`,
  `
local ids = redis.call('ZRANGE', KEYS[1], '-inf', '(' .. ARGV[2], 'BYSCORE', 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do
  local key = kSurvey(id)
  local customer = redis.call('HGET', key, 'customer')
  if customer and customer ~= '' then redis.call('SREM', kCustomer(customer), id) end
  redis.call('DEL', key)
  redis.call('ZREM', KEYS[1], id)
end
return #ids`,
);

export const INSIGHTS_SCRIPTS = Object.freeze([
  recordSurveyScript,
  eraseCustomerScript,
  purgeClosedBeforeScript,
]);

/*
 * The history's Lua scripts: each multi-key change of the index is one script, so a search never
 * sees a conversation half-indexed and an erasure never leaves an index entry behind. A
 * conversation's lines live in its own slot (keyspace/history-keys.ts), written after its script.
 */

/**
 * Index the lines and facts of one append to a conversation, creating it on its first line (the
 * lines themselves are pushed to the conversation's own slot once this returns other than -1).
 * KEYS[1] ids hash, KEYS[2] names hash, KEYS[3] seq counter, KEYS[4] all (zset), KEYS[5] the
 * conversation hash, KEYS[6] its terms set, KEYS[7..6+F] the facet sets named by ARGV (every value
 * of every enumerated facet, and the agent's set when one is given), then one term set per term.
 * ARGV[1] conversation id, ARGV[2] TTL seconds of the conversation's keys, ARGV[3] facts (JSON,
 * string values: state language queue path ces agentId closedAt channel lastAt title startedAt),
 * ARGV[4] F, ARGV[5..4+F] the facet names of KEYS[7..] ("state:bot"), then the line count L, then
 * the terms (aligned with the term keys).
 * A new conversation starts in state bot, path bot-only (until an escalation or its closing).
 * Returns 1 when the conversation was created, 0 otherwise, -1 when it is unknown and no line came.
 */
export const APPEND_SCRIPT = `
local id = ARGV[1]
local ttl = tonumber(ARGV[2])
local facts = cjson.decode(ARGV[3])
local f = tonumber(ARGV[4])
local facet = {}
for i = 1, f do facet[ARGV[4 + i]] = KEYS[6 + i] end
local p = 5 + f
local nlines = tonumber(ARGV[p])
local n = redis.call('HGET', KEYS[1], id)
local created = 0
if not n then
  if nlines == 0 then return -1 end
  n = tostring(redis.call('INCR', KEYS[3]))
  redis.call('HSET', KEYS[1], id, n)
  redis.call('HSET', KEYS[2], n, id)
  redis.call('ZADD', KEYS[4], facts.startedAt, n)
  redis.call('HSET', KEYS[5], 'n', n, 'id', id, 'startedAt', facts.startedAt, 'lastAt', facts.startedAt,
    'state', 'bot', 'path', 'bot-only', 'language', facts.defaultLanguage, 'agents', '', 'title', '')
  redis.call('ZADD', facet['state:bot'], facts.startedAt, n)
  redis.call('ZADD', facet['path:bot-only'], facts.startedAt, n)
  redis.call('ZADD', facet['language:' .. facts.defaultLanguage], facts.startedAt, n)
  created = 1
end
local started = redis.call('HGET', KEYS[5], 'startedAt')
for _, field in ipairs({ 'state', 'language', 'queue', 'path', 'ces' }) do
  local value = facts[field]
  if value then
    local old = redis.call('HGET', KEYS[5], field)
    if old ~= value then
      if old then redis.call('ZREM', facet[field .. ':' .. old], n) end
      redis.call('ZADD', facet[field .. ':' .. value], started, n)
      redis.call('HSET', KEYS[5], field, value)
    end
  end
end
if facts.agentId then
  local agents = redis.call('HGET', KEYS[5], 'agents') or ''
  if not string.find(' ' .. agents .. ' ', ' ' .. facts.agentId .. ' ', 1, true) then
    if agents == '' then agents = facts.agentId else agents = agents .. ' ' .. facts.agentId end
    redis.call('HSET', KEYS[5], 'agents', agents)
    redis.call('ZADD', facet['agent:' .. facts.agentId], started, n)
  end
end
if facts.closedAt then redis.call('HSET', KEYS[5], 'closedAt', facts.closedAt) end
if facts.channel then redis.call('HSET', KEYS[5], 'channel', facts.channel) end
if facts.lastAt and tonumber(facts.lastAt) > tonumber(redis.call('HGET', KEYS[5], 'lastAt')) then
  redis.call('HSET', KEYS[5], 'lastAt', facts.lastAt)
end
if facts.title and redis.call('HGET', KEYS[5], 'title') == '' then
  redis.call('HSET', KEYS[5], 'title', facts.title)
end
for i = p + 1, #ARGV do
  redis.call('SADD', KEYS[6], ARGV[i])
  redis.call('ZADD', KEYS[6 + f + i - p], started, n)
end
redis.call('HINCRBY', KEYS[5], 'lineCount', nlines)
for k = 5, 6 do redis.call('EXPIRE', KEYS[k], ttl) end
return created
`;

/**
 * Erase one conversation from every index (its lines, in their own slot, are deleted after).
 * KEYS[1] ids, KEYS[2] names, KEYS[3] all, KEYS[4] conversation hash, KEYS[5] terms set,
 * KEYS[6..] every set it may be in (its terms' sets, every enumerated facet, its agents').
 * ARGV[1] conversation id, ARGV[2] the terms set's size and ARGV[3] the agents field as read
 * before: when either changed meanwhile, nothing is done and -1 tells the caller to read again.
 * Returns 1 when erased, or -1.
 */
export const ERASE_SCRIPT = `
local n = redis.call('HGET', KEYS[1], ARGV[1])
if redis.call('SCARD', KEYS[5]) ~= tonumber(ARGV[2]) then return -1 end
if (redis.call('HGET', KEYS[4], 'agents') or '') ~= ARGV[3] then return -1 end
if n then
  for i = 6, #KEYS do redis.call('ZREM', KEYS[i], n) end
  redis.call('ZREM', KEYS[3], n)
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], n)
end
redis.call('DEL', KEYS[4], KEYS[5])
return 1
`;

/**
 * One search: the conversations in every group (a group of several sorted sets is their union: a
 * word's stems in several languages, or the caller's languages), one page newest first within
 * [from, to). Every index set is a sorted set scored by the conversation's start (MAX keeps that score), so one group is
 * read in place (no copy) and several are intersected by ZINTERSTORE, which walks the smallest.
 * KEYS[1] all, KEYS[2] the result (scratch), KEYS[3..2+G] one scratch key per group, then the
 * groups' sets in order.
 * ARGV[1] from, ARGV[2] to (exclusive; "+inf" for none), ARGV[3] offset, ARGV[4] limit, ARGV[5]
 * the group count G, ARGV[6..5+G] each group's size.
 * Returns { total, number1, startedAt1, number2, … }; every scratch key is deleted before it returns.
 */
export const SEARCH_SCRIPT = `
local g = tonumber(ARGV[5])
local inputs = {}
local k = 3 + g
for i = 1, g do
  local size = tonumber(ARGV[5 + i])
  local present = {}
  for j = 0, size - 1 do
    if redis.call('EXISTS', KEYS[k + j]) == 1 then present[#present + 1] = KEYS[k + j] end
  end
  k = k + size
  if #present == 0 then return { 0 } end
  if #present == 1 then
    inputs[#inputs + 1] = present[1]
  else
    present[#present + 1] = 'AGGREGATE'
    present[#present + 1] = 'MAX'
    redis.call('ZUNIONSTORE', KEYS[2 + i], #present - 2, unpack(present))
    inputs[#inputs + 1] = KEYS[2 + i]
  end
end
local source = KEYS[1]
if #inputs == 1 then
  source = inputs[1]
elseif #inputs > 1 then
  local n = #inputs
  inputs[n + 1] = 'AGGREGATE'
  inputs[n + 2] = 'MAX'
  redis.call('ZINTERSTORE', KEYS[2], n, unpack(inputs))
  source = KEYS[2]
end
local upper = ARGV[2] == '+inf' and '+inf' or ('(' .. ARGV[2])
local total = redis.call('ZCOUNT', source, ARGV[1], upper)
local page = redis.call('ZREVRANGEBYSCORE', source, upper, ARGV[1], 'WITHSCORES', 'LIMIT', ARGV[3], ARGV[4])
for i = 2, 2 + g do redis.call('DEL', KEYS[i]) end
local out = { total }
for _, v in ipairs(page) do out[#out + 1] = v end
return out
`;

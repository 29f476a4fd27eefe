/**
 * The pending-turn ledger's transitions (bot/directline/redis-pending-turns.ts). Every script
 * takes the same two keys and reads Redis' own clock, so instances with skewed clocks agree on
 * when a lease has lapsed.
 *
 * KEYS[1] pending activities (sorted set: id → lease deadline, ms)
 * KEYS[2] pending leases (hash: id → "attempt|owner"; owner "" = free once the deadline passes)
 */
const NOW = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
`;

/** Leases `id` to ARGV owner for ARGV ms; returns the attempt number (every claim counts). */
const LEASE = `
local function lease(id, owner, ms)
  local held = redis.call('HGET', KEYS[2], id) or '0|'
  local attempt = tonumber(string.match(held, '^(%d+)|')) + 1
  redis.call('ZADD', KEYS[1], now + ms, id)
  redis.call('HSET', KEYS[2], id, attempt .. '|' .. owner)
  return attempt
end
`;

/** Whether ARGV owner holds `id`'s lease. */
const HOLDS = `
local function holds(id, owner)
  local held = redis.call('HGET', KEYS[2], id)
  return held ~= false and string.match(held, '^%d+|(.*)$') == owner
end
`;

/**
 * claim-turn: leases one pending activity if its deadline has passed.
 * ARGV[1] activity id   ARGV[2] owner   ARGV[3] lease ms
 * Returns { 2, attempt } claimed, { 1 } held by a live lease, { 0 } not pending.
 */
export const CLAIM_TURN_LUA = `${NOW}${LEASE}
local deadline = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not deadline then return { 0 } end
if tonumber(deadline) > now then return { 1 } end
return { 2, lease(ARGV[1], ARGV[2], tonumber(ARGV[3])) }
`;

/**
 * claim-due-turns: leases the oldest pending activities whose deadline has passed.
 * ARGV[1] owner   ARGV[2] lease ms   ARGV[3] most to claim
 * Returns { id, attempt, id, attempt, … }.
 */
export const CLAIM_DUE_TURNS_LUA = `${NOW}${LEASE}
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
local claimed = {}
for _, id in ipairs(due) do
  table.insert(claimed, id)
  table.insert(claimed, lease(id, ARGV[1], tonumber(ARGV[2])))
end
return claimed
`;

/**
 * renew-turn: extends a lease its owner still holds.
 * ARGV[1] activity id   ARGV[2] owner   ARGV[3] lease ms
 * Returns 1 renewed, 0 the lease is someone else's (or the turn is done).
 */
export const RENEW_TURN_LUA = `${NOW}${HOLDS}
if not holds(ARGV[1], ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[3]), ARGV[1])
return 1
`;

/**
 * finish-turn: the owner's turn completed (ARGV[3] = "done") or failed and may run again in
 * ARGV[4] ms, by anyone (ARGV[3] = "retry").
 * ARGV[1] activity id   ARGV[2] owner   ARGV[3] done | retry   ARGV[4] retry delay ms
 * Returns 1 when applied, 0 when the lease was not the owner's.
 */
export const FINISH_TURN_LUA = `${NOW}${HOLDS}
if not holds(ARGV[1], ARGV[2]) then return 0 end
if ARGV[3] == 'done' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
else
  local held = redis.call('HGET', KEYS[2], ARGV[1])
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[1])
  redis.call('HSET', KEYS[2], ARGV[1], string.match(held, '^(%d+)|') .. '|')
end
return 1
`;

/**
 * reserve-intent: the first of a customer message's three writes (bot/directline/redis-store.ts):
 * the ledger expects a turn for an activity not stored yet, leased to its writer.
 * ARGV[1] intent id   ARGV[2] owner   ARGV[3] lease ms
 */
export const RESERVE_INTENT_LUA = `${NOW}
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], '1|' .. ARGV[2])
return 1
`;

/**
 * settle-intent: the intent's activity is stored; the ledger entry moves to the activity's id with
 * its deadline and lease, whoever holds it (the writer, or the instance that recovered it).
 * ARGV[1] intent id   ARGV[2] activity id
 * Returns 1 when moved, 0 when the intent was no longer in the ledger.
 */
export const SETTLE_INTENT_LUA = `
local deadline = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not deadline then return 0 end
local held = redis.call('HGET', KEYS[2], ARGV[1]) or '1|'
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[1], deadline, ARGV[2])
redis.call('HSET', KEYS[2], ARGV[2], held)
return 1
`;

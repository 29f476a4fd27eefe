import { script } from '../lua-common';
import { LUA_INITIAL_STATE } from '../lua-transitions';

export const touchScript = script(
  'handoffTouch',
  2,
  `
--[[ touch: customer activity; creates the conversation (state bot) if new, restarts its silence timer;
  with an agent, starts the answer timer unless it already runs (it keeps the oldest unanswered message)
  KEYS[1] conversation hash   KEYS[2] activity zset
  ARGV[1] key base  [2] id  [3] now
  Returns {'ok', state}
]]`,
  `
local ck, id, now = KEYS[1], ARGV[2], ARGV[3]
local state = get(ck, 'state')
if not state then
  state = ${LUA_INITIAL_STATE}
  redis.call('HSET', ck, 'state', state)
end
redis.call('HSET', ck, 'lastActivityAt', now, 'updatedAt', now)
if isSilenceState(state) then redis.call('ZADD', KEYS[2], now, id) end
if isHeld(state) and redis.call('HSETNX', ck, 'awaitingSince', now) == 1 then
  redis.call('ZADD', kUnanswered, now, id)
end
return {'ok', state}`,
);

import { script } from '../lua-common';

export const touchScript = script(
  'handoffTouch',
  2,
  `
--[[ touch: customer activity; creates the conversation (state bot) if new, restarts its silence timer
  KEYS[1] conversation hash   KEYS[2] activity zset
  ARGV[1] key base  [2] id  [3] now  [4] states where the silence timer runs
  Returns {'ok', state}
]]`,
  `
local ck, id, now = KEYS[1], ARGV[2], ARGV[3]
local state = get(ck, 'state')
if not state then
  state = 'bot'
  redis.call('HSET', ck, 'state', state)
end
redis.call('HSET', ck, 'lastActivityAt', now, 'updatedAt', now)
if inList(state, ARGV[4]) then redis.call('ZADD', KEYS[2], now, id) end
return {'ok', state}`,
);

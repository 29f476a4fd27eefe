import { script } from '../lua-common';

export const setStateScript = script(
  'handoffSetState',
  2,
  `
--[[ startSurvey (resolved → survey) and close (survey|resolved → closed): the transitions that
  touch only the conversation and its silence timer.
  KEYS[1] conversation hash   KEYS[2] activity zset
  ARGV[1] key base  [2] id  [3] now  [4] states allowed from  [5] target state
       [6] closed reason ('' unless closing: closing stops the silence timer, others restart it)
  Returns {'ok', fields...} | {'not-found'} | {'wrong-state', state}
]]`,
  `
local ck, id, now = KEYS[1], ARGV[2], ARGV[3]
local state = get(ck, 'state')
if not state then return {'not-found'} end
if not inList(state, ARGV[4]) then return {'wrong-state', state} end
redis.call('HSET', ck, 'state', ARGV[5], 'updatedAt', now)
if ARGV[6] ~= '' then
  redis.call('HSET', ck, 'closedReason', ARGV[6])
  redis.call('ZREM', KEYS[2], id)
else
  redis.call('ZADD', KEYS[2], now, id)
end
return {'ok', packedHash(ck)}`,
);

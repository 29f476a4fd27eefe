import { script } from '../lua-common';
import { luaTarget } from '../lua-transitions';

export const releaseScript = script(
  'handoffRelease',
  3,
  `
--[[ release: with-agent → queued, at the head of its queue (the agent gave it back)
  KEYS[1] conversation hash   KEYS[2] claims zset   KEYS[3] activity zset
  ARGV[1] key base  [2] id  [3] agent id  [4] now  [5] head band
  Returns {'ok', fields...} | {'not-found'} | {'wrong-state', state} | {'not-owner', owner}
]]`,
  `
local refusal = refuseUnlessOwner(KEYS[1], ARGV[3], canRelease)
if refusal then return refusal end
requeueHead(ARGV[2], KEYS[1], ARGV[4], tonumber(ARGV[5]), ${luaTarget('release')})
return {'ok', packedHash(KEYS[1])}`,
);

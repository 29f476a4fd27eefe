import { script } from '../lua-common';
import { luaTarget } from '../lua-transitions';

export const handBackScript = script(
  'handoffHandBack',
  3,
  `
--[[ handBack: with-agent → bot; records the handling time; the silence timer restarts
  KEYS[1] conversation hash   KEYS[2] claims zset   KEYS[3] activity zset
  ARGV[1] key base  [2] id  [3] agent id  [4] now  [5] handling samples kept
  Returns {'ok', fields...} | {'not-found'} | {'wrong-state', state} | {'not-owner', owner}
]]`,
  `
local refusal = refuseUnlessOwner(KEYS[1], ARGV[3], canHandBack)
if refusal then return refusal end
leaveAgent(ARGV[2], KEYS[1], ARGV[4], ${luaTarget('handBack')}, ARGV[5])
redis.call('HDEL', KEYS[1], 'agent')
return {'ok', packedHash(KEYS[1])}`,
);

import { script } from '../lua-common';

export const agentRepliedScript = script(
  'handoffAgentReplied',
  2,
  `
--[[ agentReplied: the owning agent answered; the claim timeout and the answer timer stop (state stays with-agent)
  KEYS[1] conversation hash   KEYS[2] claims zset
  ARGV[1] key base  [2] id  [3] agent id  [4] now
  Returns {'ok', fields...} | {'not-found'} | {'wrong-state', state} | {'not-owner', owner}
]]`,
  `
local refusal = refuseUnlessOwner(KEYS[1], ARGV[3], isHeld)
if refusal then return refusal end
redis.call('HSET', KEYS[1], 'repliedAt', ARGV[4], 'updatedAt', ARGV[4])
redis.call('ZREM', KEYS[2], ARGV[2])
stopAnswerTimer(ARGV[2], KEYS[1])
return {'ok', packedHash(KEYS[1])}`,
);

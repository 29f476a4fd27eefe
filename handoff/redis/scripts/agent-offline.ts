import { script } from '../lua-common';

export const agentOfflineScript = script(
  'handoffAgentOffline',
  2,
  `
--[[ agentOffline: the agent logs out; their conversations → head of the queue, reservations → pool
  KEYS[1] online agents zset   KEYS[2] agent conversations set
  ARGV[1] key base  [2] agent id  [3] now  [4] head band
  Returns {requeued ids...}
]]`,
  `
local requeued, toPool = {}, {}
dropAgent(ARGV[2], ARGV[3], tonumber(ARGV[4]), requeued, toPool)
return requeued`,
);

import { script } from '../lua-common';

export const forgetScript = script(
  'handoffForget',
  2,
  `
--[[ forget: delete one conversation's record (transcript, contact, context) for a customer's
  erasure. Refused while a person is asked for or holds it (queued, with-agent, ticket, answered): those
  end first. Conversations in those states are the only ones in the queue, claim and ticket
  indexes, so only the silence timer index needs cleaning.
  KEYS[1] conversation hash   KEYS[2] activity zset
  ARGV[1] key base  [2] id
  Returns {'ok', 1 deleted | 0 unknown} or {'err', 'active', state}
]]`,
  `
local ck, id = KEYS[1], ARGV[2]
local state = get(ck, 'state')
if not state then return {'ok', 0} end
if isLive(state) then return {'err', 'active', state} end
redis.call('DEL', ck)
redis.call('ZREM', KEYS[2], id)
return {'ok', 1}`,
);

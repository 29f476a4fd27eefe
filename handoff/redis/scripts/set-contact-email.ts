import { script } from '../lua-common';

export const setContactEmailScript = script(
  'handoffSetContactEmail',
  1,
  `
--[[ setContactEmail: the address the customer gave in the chat, on their own conversation only
  (the one key it touches). Kept in its own field, beside the escalation's card, so the card is
  never re-encoded; a new handoff cycle (enqueue) deletes it with the rest of the record.
  KEYS[1] conversation hash
  ARGV[1] key base  [2] id  [3] e-mail  [4] '1': only when no address is on file  [5] now
  Returns {'ok', 1 stored | 0 kept, fields...} | {'not-found'}
]]`,
  `
local ck = KEYS[1]
local v = redis.call('HMGET', ck, 'state', 'contactEmail', 'card')
if not v[1] then return {'not-found'} end
if ARGV[4] == '1' then
  local known = v[2]
  if not known and v[3] then
    local ok, card = pcall(cjson.decode, v[3])
    if ok and type(card) == 'table' and type(card.contact) == 'table' then known = card.contact.email end
  end
  if type(known) == 'string' and known ~= '' then return {'ok', 0, packedHash(ck)} end
end
redis.call('HSET', ck, 'contactEmail', ARGV[3], 'updatedAt', ARGV[5])
return {'ok', 1, packedHash(ck)}`,
);

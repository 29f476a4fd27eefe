/**
 * reserve-upload: counts an upload against its conversation's quota, or refuses all of it, in one
 * atomic step (concurrent uploads of one conversation cannot both pass the last free slot).
 *
 * KEYS[1] the conversation's usage (hash: files, bytes)
 * ARGV[1] files to add   ARGV[2] bytes to add   ARGV[3] most files   ARGV[4] most bytes
 * ARGV[5] time to live in seconds (the uploads' own)
 *
 * Returns 1 when counted, -1 past the file count, -2 past the bytes (nothing counted).
 */
export const RESERVE_UPLOAD_LUA = `
local files = tonumber(redis.call('HGET', KEYS[1], 'files') or '0')
local bytes = tonumber(redis.call('HGET', KEYS[1], 'bytes') or '0')
if files + tonumber(ARGV[1]) > tonumber(ARGV[3]) then return -1 end
if bytes + tonumber(ARGV[2]) > tonumber(ARGV[4]) then return -2 end
redis.call('HINCRBY', KEYS[1], 'files', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'bytes', ARGV[2])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[5]))
return 1
`;

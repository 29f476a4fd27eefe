import { Redis } from 'ioredis';
import { HANDOFF_STATES, TRANSITIONS, canTransition, type TransitionName } from '../../handoff';
import { HANDOFF_SCRIPTS } from '../../handoff/redis/scripts';
import { LUA_TRANSITION_GUARDS, luaGuardName } from '../../handoff/redis/lua-transitions';
import { testRedisUrl } from '../support/prefix';

// The guards the scripts are built from, run by Redis's own Lua: each is true exactly for the
// states TRANSITIONS allows its transition from.
let redis: Redis;
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await redis.quit();
});

const NAMES = Object.keys(TRANSITIONS) as TransitionName[];
const code = (name: string): string => LUA_TRANSITION_GUARDS.find(([n]) => n === name)?.[1] ?? '';

describe('generated Lua transition guards', () => {
  it.each(NAMES)('%s: allowed from exactly the states of the table', async (name) => {
    const guard = luaGuardName(name);
    const answers = (await redis.eval(
      `${code(guard)}\nlocal out = {}\nfor i, s in ipairs(ARGV) do out[i] = ${guard}(s) and 1 or 0 end\nreturn out`,
      0,
      ...HANDOFF_STATES,
      'no-such-state',
    )) as number[];
    const expected = [...HANDOFF_STATES.map((s) => (canTransition(s, name) ? 1 : 0)), 0];
    expect(answers).toEqual(expected);
  });

  it('leaves no state word in a script outside the generated guards and targets', () => {
    // The guards are the one place a script compares states; a hand-written `state == 'queued'`
    // would be a second source of the rules.
    for (const s of Object.values(HANDOFF_SCRIPTS)) {
      expect({
        script: s.name,
        compares: /state\s*[~=]=\s*'/.test(s.lua.replace(/local function \w+\(state\) return [^\n]*\n/g, '')),
      }).toEqual({ script: s.name, compares: false });
    }
  });
});

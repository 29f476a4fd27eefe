import {
  HELD_STATES,
  INITIAL_STATE,
  LIVE_STATES,
  SILENCE_STATES,
  TRANSITIONS,
  WAITING_STATES,
  type HandoffState,
  type TransitionName,
} from '../handoff-state';

/**
 * The conversation rules for Lua, generated from TRANSITIONS when the module loads (as keys.ts
 * generates the key helpers), so no script names a state of its own: each transition gets a guard,
 * `canClaim(state)`, `canCancel(state)`…, true exactly for the states the table allows it from, and
 * its target comes from `luaTarget`. Each is a fragment: a script only carries the guards it calls.
 */

/** A Lua condition true when `variable` equals one of `words`: no table built per call. */
export function luaAnyOf(variable: string, words: readonly string[]): string {
  if (words.length === 0) return 'false';
  return words.map((w) => `${variable} == '${w}'`).join(' or ');
}

/** The Lua guard's name of a transition: claim → canClaim. */
export function luaGuardName(name: TransitionName): string {
  return `can${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** The target state of a transition as a quoted Lua string, for the HSET that makes the move. */
export function luaTarget(name: TransitionName): string {
  return `'${TRANSITIONS[name].to}'`;
}

/** A quoted Lua string of one state, for reads that are not moves (a new record, a default). */
export function luaState(state: HandoffState): string {
  return `'${state}'`;
}

const guard = (name: string, states: readonly HandoffState[]): readonly [string, string] => [
  name,
  `local function ${name}(state) return ${luaAnyOf('state', states)} end`,
];

const transitionGuards = (Object.keys(TRANSITIONS) as TransitionName[]).map((name) =>
  guard(luaGuardName(name), TRANSITIONS[name].from),
);

/** Name → code, like LUA_KEY_HELPERS: one guard per transition, then the named state sets. */
export const LUA_TRANSITION_GUARDS: readonly (readonly [string, string])[] = Object.freeze([
  ...transitionGuards,
  guard('isWaiting', WAITING_STATES),
  guard('isHeld', HELD_STATES),
  guard('isLive', LIVE_STATES),
  guard('isSilenceState', SILENCE_STATES),
]);

/** The state of a conversation the store has never seen, quoted for Lua. */
export const LUA_INITIAL_STATE = luaState(INITIAL_STATE);

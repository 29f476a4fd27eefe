// @ts-check
import { byId } from './dom.js';
import { t } from './i18n.js';

/** @type {AudioContext | null} */
let audio = null;

/** A short beep made with WebAudio (no file to load); silent when the browser allows no sound. */
export function beep() {
  try {
    audio = audio ?? new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.1;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.2);
  } catch {
    // No audio (autoplay policy or no device): the visual alert remains.
  }
}

export function alertNew() {
  byId('alert', HTMLElement).hidden = false;
  document.title = `(!) ${t().pageTitle}`;
  beep();
}

export function clearAlert() {
  byId('alert', HTMLElement).hidden = true;
  document.title = t().pageTitle;
}

/** The status line of the top bar. @param {string} text */
export function status(text) {
  byId('status', HTMLElement).textContent = text;
}

/**
 * Runs an action; its message (or its error's) goes to the status line.
 * @param {() => Promise<string | void>} action
 */
export async function act(action) {
  try {
    const message = await action();
    status(typeof message === 'string' ? message : '');
  } catch (error) {
    status(error instanceof Error ? error.message : String(error));
  }
}

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import chromiumPaths from './chromium-paths.json';

// Debian's chromium, headless, with the background networking this closed machine refuses turned off.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The first Chromium of the shared candidate list (the one scripts/ensure-tools.js checks for). */
export function chromiumPath(): string {
  const found = chromiumPaths.candidates.find((candidate) => existsSync(candidate));
  if (found === undefined)
    throw new Error(
      `no Chromium at ${chromiumPaths.candidates.join(', ')}: run \`node scripts/ensure-tools.js\` (npm test's pretest)`,
    );
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

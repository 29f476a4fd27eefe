#!/usr/bin/env node
// Pretest: the suites need a real redis-server, redis-cli (it joins the test cluster) and a real
// headless Chromium. When one is missing, install it as CI does (root) or stop with the exact
// command to run; never skip a suite.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');

const INSTALL = 'apt-get update && apt-get install -y redis-server chromium';
// The same candidate list tests/support/chromium.ts launches from.
const { candidates: CHROMIUM_CANDIDATES } = require('../tests/support/chromium-paths.json');

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function missingTools() {
  const missing = [];
  if (!onPath('redis-server')) missing.push('redis-server');
  // Debian's redis-server depends on redis-tools, which brings redis-cli: same install line.
  if (!onPath('redis-cli')) missing.push('redis-cli');
  if (!CHROMIUM_CANDIDATES.some((candidate) => fs.existsSync(candidate))) missing.push('chromium');
  return missing;
}

const missing = missingTools();
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`[relais] missing test tools: ${missing.join(', ')}.`);
  console.error(`[relais] run as root:  sudo sh -c '${INSTALL}'`);
  process.exit(1);
}

console.error(`[relais] installing missing test tools (${missing.join(', ')}): ${INSTALL}`);
execFileSync('sh', ['-c', `${INSTALL} >/dev/null`], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
const still = missingTools();
if (still.length > 0) {
  console.error(`[relais] still missing after install: ${still.join(', ')}`);
  process.exit(1);
}

#!/usr/bin/env node
// Postinstall: serve the official Web Chat bundle from our own server, never from a CDN, without
// installing botframework-webchat (~425 packages / ~490 MB for one file). Takes dist/webchat.js
// out of the registry tarball into web/vendor/ (gitignored). Skipped when the file is present.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const VERSION = '4.18.1';
const target = path.join(__dirname, '..', 'web', 'vendor', 'webchat.js');

if (fs.existsSync(target) && fs.statSync(target).size > 0) process.exit(0);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-webchat-'));
try {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = execFileSync(npm, ['pack', `botframework-webchat@${VERSION}`, '--silent'], {
    cwd: work,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  if (!packed) throw new Error('npm pack printed no file name');
  execFileSync('tar', ['-xzf', path.join(work, packed), '-C', work, 'package/dist/webchat.js']);
  const extracted = path.join(work, 'package', 'dist', 'webchat.js');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Write next to the target then rename, so an interrupted install never leaves half a file.
  fs.copyFileSync(extracted, `${target}.tmp`);
  fs.renameSync(`${target}.tmp`, target);
  console.log(`[relais] Web Chat ${VERSION} bundle written to web/vendor/webchat.js`);
} catch (error) {
  console.error(`[relais] could not fetch the Web Chat bundle (the chat page needs it): ${error.message}`);
  console.error('[relais] retry with: node scripts/fetch-webchat.js');
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

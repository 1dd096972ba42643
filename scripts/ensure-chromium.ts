import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function works(): boolean {
  if (!fs.existsSync(chromium)) return false;
  return spawnSync(chromium, ['--version'], { encoding: 'utf8' }).status === 0;
}

if (!works()) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || process.env.CHROMIUM_PATH) {
    console.error(
      `Browser tests need Chromium at ${chromium}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n` +
        'or set CHROMIUM_PATH to a Chromium binary. Browser tests are never skipped.',
    );
    process.exit(1);
  }
  console.log('Chromium is missing: installing Debian’s chromium package (apt-get install -y chromium)…');
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: 'inherit' }).status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
    if (!install() || !works()) {
      console.error('Could not install Chromium with apt-get; run: apt-get update && apt-get install -y chromium');
      process.exit(1);
    }
  }
}
console.log(`Chromium: ${spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim()}`);

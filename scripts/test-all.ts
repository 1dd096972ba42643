import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** `npm test`: every check in turn, then one line summing all test runners: `N passed, N failed`. */
const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, '.test-output');
fs.rmSync(output, { recursive: true, force: true });
fs.mkdirSync(output, { recursive: true });

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const failures: string[] = [];
let passed = 0;
let failed = 0;

function run(stage: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${stage}: ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) failures.push(stage);
  return result.status === 0;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(output, file), 'utf8')) as T;
  } catch {
    return null;
  }
}

// A failed check counts as a failure in the summary, so the last line never reads "0 failed" on a red run.
if (!run('typecheck', bin('tsc'), ['--noEmit'])) failed += 1;
if (!run('lint', bin('eslint'), ['--max-warnings=0', '.'])) failed += 1;

console.log(
  process.env.TEST_DATABASE_URL
    ? '\nIntegration tests run on PGlite and on PostgreSQL (TEST_DATABASE_URL).'
    : '\nIntegration tests run on PGlite; set TEST_DATABASE_URL to run them on PostgreSQL too.',
);
const vitestOk = run('unit and integration tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.test-output/vitest.json',
]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numFailedTestSuites: number }>('vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + vitest.numFailedTestSuites;
}
if (!vitestOk && (!vitest || vitest.numFailedTests + vitest.numFailedTestSuites === 0)) failed += 1;

if (
  run('chromium', process.execPath, [
    path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    'scripts/ensure-chromium.ts',
  ])
) {
  const e2eOk = run('browser tests', bin('playwright'), ['test']);
  const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>('playwright.json');
  if (e2e) {
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected + e2e.stats.flaky;
  }
  if (!e2eOk && (!e2e || e2e.stats.unexpected + e2e.stats.flaky === 0)) failed += 1;
} else {
  failed += 1;
}

console.log(failures.length > 0 ? `\nFailed stages: ${failures.join(', ')}` : '\nAll stages passed.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length > 0 ? 1 : 0);

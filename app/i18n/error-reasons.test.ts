import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from './messages';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/test\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Every reason a service can give, read from the source: DomainError, field errors and not-found helpers. */
function reasonsInServer(): string[] {
  const reasons = new Set<string>();
  for (const file of sourceFiles(path.join(process.cwd(), 'server'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new DomainError\(\s*'[A-Z_]+',\s*[`']([^`']+)[`']/g)) reasons.add(m[1] ?? '');
    for (const m of text.matchAll(/field(?:Conflict|Invalid)\(\s*'[^']+',\s*'([^']+)'/g)) reasons.add(m[1] ?? '');
    for (const m of text.matchAll(/(?:notFound\(|found\([\w.]+,\s*)'([a-z-]+)'\)/g)) reasons.add(`${m[1]}.not-found`);
  }
  return [...reasons]
    .filter((reason) => !reason.includes('${what}'))
    .flatMap((reason) =>
      reason.includes('${input.area}')
        ? ['back-office', 'lane'].map((area) => reason.replace('${input.area}', area))
        : [reason],
    );
}

describe('error reasons', () => {
  it('finds the reasons services give', () => {
    expect(reasonsInServer()).toEqual(
      expect.arrayContaining(['auth.locked', 'barcode.taken', 'product.not-found', 'auth.lane-forbidden']),
    );
  });

  it('has a message in both languages for every reason a service can give', () => {
    const missing = reasonsInServer().filter((reason) => !(`error.${reason}` in MESSAGES['zh-CN']));
    expect(missing).toEqual([]);
  });
});

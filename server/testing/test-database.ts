import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../db/client';
import { MIGRATIONS_FOLDER, runMigrations } from '../../db/migrate';

/** Every integration test runs on PGlite, and on real PostgreSQL as well when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (file.endsWith('.sql')) hash.update(fs.readFileSync(path.join(MIGRATIONS_FOLDER, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

export const templateDatabaseName = () => `lanekeeper_template_${migrationsFingerprint()}`;

function adminUrl(databaseName: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${databaseName}`;
  return url.toString();
}

/** Creates the migrated template database once per migrations version (called from global setup). */
export async function ensurePostgresTemplate(): Promise<void> {
  const admin = postgres(process.env.TEST_DATABASE_URL ?? '', { onnotice: () => {}, max: 1 });
  const template = templateDatabaseName();
  try {
    await admin`select pg_advisory_lock(7134001)`;
    const [existing] = await admin`select 1 from pg_database where datname = ${template}`;
    if (!existing) {
      const building = `${template}_building`;
      await admin.unsafe(`drop database if exists "${building}"`);
      await admin.unsafe(`create database "${building}"`);
      const handle = await openDatabase({ kind: 'postgres', url: adminUrl(building), maxConnections: 1 });
      await runMigrations(handle);
      await handle.close();
      await admin.unsafe(`alter database "${building}" rename to "${template}"`);
    }
  } finally {
    await admin`select pg_advisory_unlock(7134001)`;
    await admin.end();
  }
}

export interface TestDatabase extends DatabaseHandle {
  /** Where another process can reach the same database (PostgreSQL only). */
  url: string | null;
  dispose(): Promise<void>;
}

/** A fresh, migrated database of the given kind that no other test sees. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    await runMigrations(handle);
    return { ...handle, url: null, dispose: () => handle.close() };
  }
  const name = `lanekeeper_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(process.env.TEST_DATABASE_URL ?? '', { onnotice: () => {}, max: 1 });
  await admin.unsafe(`create database "${name}" template "${templateDatabaseName()}"`);
  const handle = await openDatabase({ kind: 'postgres', url: adminUrl(name), maxConnections: 10 });
  return {
    ...handle,
    url: adminUrl(name),
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

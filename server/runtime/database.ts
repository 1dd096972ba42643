import { databaseConfigFromEnv, openDatabase, type DatabaseHandle } from '../../db/client';

const globalForDb = globalThis as typeof globalThis & { __lanekeeperDb?: Promise<DatabaseHandle> };

/** The server process's one database handle, opened on first use and kept across hot reloads. */
export function getDatabase(): Promise<DatabaseHandle> {
  globalForDb.__lanekeeperDb ??= openDatabase(databaseConfigFromEnv()).catch((error: unknown) => {
    globalForDb.__lanekeeperDb = undefined;
    throw error;
  });
  return globalForDb.__lanekeeperDb;
}

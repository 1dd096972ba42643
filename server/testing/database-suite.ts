import { afterAll, beforeAll, describe } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './test-database';

/** Declares the suite once per database kind, each with its own fresh migrated database. */
export function forEachDatabase(define: (database: () => TestDatabase) => void): void {
  describe.each(testDatabaseKinds())('on %s', (kind) => {
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => {
      await database?.dispose();
    });
    define(() => {
      if (!database) throw new Error('test database not ready');
      return database;
    });
  });
}

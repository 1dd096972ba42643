import type { Database } from '../../db/client';

/**
 * Runs fixed SQL and answers its rows as arrays, on postgres.js and PGlite alike. Naming the statement makes
 * postgres.js prepare it once per connection: one round trip per run instead of a describe round trip first.
 */
export function runStatement(db: Database, name: string, text: string, params: unknown[]): Promise<unknown[][]> {
  return db._.session
    .prepareQuery<{ execute: unknown[][]; all: unknown; values: unknown }>(
      { sql: text, params },
      undefined,
      name,
      true,
      (rows) => rows,
    )
    .execute();
}

/** A json/jsonb column as parsed by the driver (both parse it, but a string is accepted too). */
export const jsonColumn = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

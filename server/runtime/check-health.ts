import { getDatabase } from './database';

export async function checkHealth() {
  try {
    const handle = await getDatabase();
    const started = performance.now();
    await handle.ping();
    return {
      ok: true,
      database: { kind: handle.kind, location: handle.location, reachable: true, pingMs: performance.now() - started },
    };
  } catch (error) {
    return {
      ok: false,
      database: {
        kind: process.env.DATABASE_URL ? 'postgres' : 'pglite',
        reachable: false,
        error: error instanceof Error ? error.message : String(error),
      },
    };
  }
}

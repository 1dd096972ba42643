import { databaseConfigFromEnv, openDatabase } from '../db/client';
import { prepareDatabase } from '../db/prepare-database';

const handle = await openDatabase(databaseConfigFromEnv());
try {
  const { seeded } = await prepareDatabase(handle);
  console.log(seeded ? 'Migrated and seeded the demo store.' : 'Migrated.');
} finally {
  await handle.close();
}

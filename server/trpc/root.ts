import { auditRouter } from './routers/audit';
import { authRouter } from './routers/auth';
import { catalogRouter } from './routers/catalog';
import { staffRouter } from './routers/staff';
import { storeRouter } from './routers/store';
import { router } from './init';

export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  staff: staffRouter,
  store: storeRouter,
  audit: auditRouter,
});
export type AppRouter = typeof appRouter;

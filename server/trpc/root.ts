import { auditRouter } from './routers/audit';
import { authRouter } from './routers/auth';
import { cardsRouter } from './routers/cards';
import { catalogRouter } from './routers/catalog';
import { laneRouter } from './routers/lane';
import { salesReviewRouter } from './routers/sales-review';
import { staffRouter } from './routers/staff';
import { storeRouter } from './routers/store';
import { router } from './init';

export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  staff: staffRouter,
  store: storeRouter,
  audit: auditRouter,
  lane: laneRouter,
  salesReview: salesReviewRouter,
  cards: cardsRouter,
});
export type AppRouter = typeof appRouter;

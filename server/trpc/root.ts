import { auditRouter } from './routers/audit';
import { authRouter } from './routers/auth';
import { cardsRouter } from './routers/cards';
import { catalogRouter } from './routers/catalog';
import { catalogIoRouter } from './routers/catalog-io';
import { laneRouter } from './routers/lane';
import { receivingRouter } from './routers/receiving';
import { salesReviewRouter } from './routers/sales-review';
import { staffRouter } from './routers/staff';
import { stockRouter } from './routers/stock';
import { stocktakesRouter } from './routers/stocktakes';
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
  stock: stockRouter,
  receiving: receivingRouter,
  stocktakes: stocktakesRouter,
  catalogIo: catalogIoRouter,
});
export type AppRouter = typeof appRouter;

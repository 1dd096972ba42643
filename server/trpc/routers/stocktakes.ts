import { listDepartments } from '../../catalog/list-departments';
import { applyStocktake, ApplyStocktakeInput } from '../../stocktakes/apply-stocktake';
import { cancelStocktake, CancelStocktakeInput } from '../../stocktakes/cancel-stocktake';
import { getStocktake, GetStocktakeInput } from '../../stocktakes/get-stocktake';
import { getStocktakeReport, GetStocktakeReportInput } from '../../stocktakes/get-stocktake-report';
import { listCounts, ListCountsInput } from '../../stocktakes/list-counts';
import { listStocktakes, ListStocktakesInput } from '../../stocktakes/list-stocktakes';
import { recordCount, RecordCountInput } from '../../stocktakes/record-count';
import { startStocktake, StartStocktakeInput } from '../../stocktakes/start-stocktake';
import { procedureFor, router } from '../init';

export const stocktakesRouter = router({
  list: procedureFor('inventory.read')
    .input(ListStocktakesInput)
    .query(({ ctx, input }) => listStocktakes(ctx, input)),
  departments: procedureFor('inventory.read').query(({ ctx }) => listDepartments(ctx)),
  get: procedureFor('inventory.read')
    .input(GetStocktakeInput)
    .query(({ ctx, input }) => getStocktake(ctx, input)),
  report: procedureFor('inventory.read')
    .input(GetStocktakeReportInput)
    .query(({ ctx, input }) => getStocktakeReport(ctx, input)),
  counts: procedureFor('inventory.read')
    .input(ListCountsInput)
    .query(({ ctx, input }) => listCounts(ctx, input)),
  start: procedureFor('inventory.count')
    .input(StartStocktakeInput)
    .mutation(({ ctx, input }) => startStocktake(ctx, input)),
  count: procedureFor('inventory.count')
    .input(RecordCountInput)
    .mutation(({ ctx, input }) => recordCount(ctx, input)),
  applyCount: procedureFor('inventory.count-apply')
    .input(ApplyStocktakeInput)
    .mutation(({ ctx, input }) => applyStocktake(ctx, input)),
  cancel: procedureFor('inventory.count-apply')
    .input(CancelStocktakeInput)
    .mutation(({ ctx, input }) => cancelStocktake(ctx, input)),
});

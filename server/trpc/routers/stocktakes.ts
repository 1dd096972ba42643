import { router } from '../init';

export const stocktakesRouter = router({});

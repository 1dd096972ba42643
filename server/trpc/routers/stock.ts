import { router } from '../init';

export const stockRouter = router({});

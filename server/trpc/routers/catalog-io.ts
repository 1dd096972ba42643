import { router } from '../init';

export const catalogIoRouter = router({});

import { router } from '../init';

export const receivingRouter = router({});

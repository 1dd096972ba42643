import { v7 as uuidv7 } from 'uuid';

/** Time-ordered UUIDs keep indexes compact and let many stores' rows meet at head office without collisions. */
export const newId = (): string => uuidv7();

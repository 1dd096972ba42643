import type { MisposRequest } from '../index';

/** A request as the caller gives it; the link draws the nonce for each attempt. */
export type LinkRequest = Omit<MisposRequest, 'nonce'>;

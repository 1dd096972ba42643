import { createHash, randomBytes } from 'node:crypto';

export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** Only the hash is stored, so a leaked sessions table signs nobody in. */
export const sessionIdFromToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export type DomainErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'LOCKED';

export type FieldErrors = Record<string, string[]>;

/** A rule of the shop said no. `reason` is a stable key the UI translates; `message` is for logs and English UI. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly reason: string,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what}.not-found`, `${what} not found`);

/** The row a query was sure to find, or a NOT_FOUND when it was not there after all. */
export function found<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw notFound(what);
  return row;
}

export const fieldConflict = (field: string, reason: string, message: string) =>
  new DomainError('CONFLICT', reason, message, { [field]: [message] });

export const fieldInvalid = (field: string, reason: string, message: string) =>
  new DomainError('INVALID', reason, message, { [field]: [message] });

/** Postgres unique_violation, whichever driver raised it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (candidate.code === '23505') {
      const name = candidate.constraint ?? candidate.constraint_name;
      return constraint === undefined || name === constraint;
    }
    current = candidate.cause;
  }
  return false;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID as an ecrRef (ANS32): its 32 hex digits in lower case, without hyphens. */
export function ecrRefFor(uuid: string): string {
  if (!UUID.test(uuid)) throw new RangeError(`ecrRefFor: ${JSON.stringify(uuid)} is not a UUID`);
  return uuid.replaceAll('-', '').toLowerCase();
}

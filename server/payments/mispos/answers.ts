import type { MisposRequest } from './request';
import type { MisposResponse } from './response';

/** Whether `response` belongs to `request` (section 3); an ECR discards any response that does not. */
export function answers(request: MisposRequest, response: MisposResponse): boolean {
  return (
    response.cardKind === request.cardKind &&
    response.txnType === request.txnType &&
    response.ecrRef === request.ecrRef &&
    response.nonce === request.nonce
  );
}

import { DomainError } from '../core/errors';
import type { StaffContext } from '../core/context';
import { finalizeSale, FinalizeSaleInput } from './finalize-sale';
import { recordUploadRejection } from './record-upload-rejection';

/** A lane's upload of a finished sale: recorded, or refused and kept for the manager, never just dropped. */
export async function uploadSale(ctx: StaffContext, rawInput: FinalizeSaleInput) {
  const input = FinalizeSaleInput.parse(rawInput);
  try {
    return await finalizeSale(ctx, input);
  } catch (error) {
    if (error instanceof DomainError && !ctx.inTransaction) await recordUploadRejection(ctx, input, error);
    throw error;
  }
}

import { TRPCClientError } from '@trpc/client';
import { displayFieldErrors, type FieldMessages } from '@/app/components/field-errors';
import { MESSAGES, type MessageKey } from '@/app/i18n/messages';

export interface ShownError {
  message: string;
  fields: FieldMessages;
}

/** A server error in the user's words: a translated reason when we know it, and the per-field messages. */
export function describeError(error: unknown, t: (key: MessageKey) => string): ShownError | null {
  if (!error) return null;
  if (error instanceof TRPCClientError) {
    const data = error.data as { reason?: string | null; fieldErrors?: Record<string, string[]> | null } | undefined;
    const key = `error.${data?.reason ?? ''}`;
    const message = key in MESSAGES.en ? t(key as MessageKey) : error.message;
    return { message, fields: displayFieldErrors(data?.fieldErrors ?? {}, t, data?.reason) };
  }
  return { message: error instanceof Error ? error.message : String(error), fields: {} };
}

/** One line for a compact control (a table row): the first field's message, else the error's. */
export const firstMessage = (error: ShownError): string => Object.values(error.fields)[0] ?? error.message;

/** The server's reason key of a refused call (`card.not-voidable`), or null for anything else. */
export const errorReason = (error: unknown): string | null =>
  error instanceof TRPCClientError ? ((error.data as { reason?: string | null } | undefined)?.reason ?? null) : null;

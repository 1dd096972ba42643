import { MESSAGES, type MessageKey } from '@/app/i18n/messages';

export type FieldMessages = Record<string, string>;

const hasKey = (key: string): key is MessageKey => key in MESSAGES.en;

/**
 * One message per field in the user's language: a rule the server named (e.g. a taken barcode) wins,
 * then our wording for the field, then the raw message.
 */
export function displayFieldErrors(
  raw: Record<string, string[]>,
  t: (key: MessageKey) => string,
  reason?: string | null,
): FieldMessages {
  const shown: FieldMessages = {};
  for (const [path, messages] of Object.entries(raw)) {
    const field = path.startsWith('barcode') ? 'barcode' : (path.split('.')[0] ?? path);
    const reasonKey = `error.${reason ?? ''}`;
    const fieldKey = `fieldError.${field}`;
    shown[path] =
      reason && reason !== 'invalid-input' && hasKey(reasonKey)
        ? t(reasonKey)
        : hasKey(fieldKey)
          ? t(fieldKey)
          : (messages[0] ?? '');
  }
  return shown;
}

export function zodFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

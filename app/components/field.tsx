'use client';

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { firstMessage, type ShownError } from '@/app/trpc/errors';

/** A labelled form control with its error message tied to it for screen readers. */
export function Field({
  id,
  label,
  error,
  children,
  hint,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A server error that belongs to no single field (field errors show beside their fields). */
export function FormError({ error, className = '' }: { error: ShownError | null; className?: string }) {
  if (!error || Object.keys(error.fields).length > 0) return null;
  return (
    <p role="alert" className={`text-sm text-red-600 ${className}`}>
      {error.message}
    </p>
  );
}

/** Any error of a compact form, in one line: the first field's message, else the error's. */
export function ErrorAlert({ error }: { error: ShownError | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="text-sm text-red-600">
      {firstMessage(error)}
    </p>
  );
}

const focusFirstInvalidField = (form: HTMLFormElement | null) =>
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();

/**
 * After a failed submit, focus moves to the form's first invalid field (marked aria-invalid). A server error moves it
 * by itself; the form's own check calls `focusInvalid()` when it refuses the submit. Attach `formRef` to the form.
 */
export function useFocusFirstInvalid(serverError: unknown) {
  const formRef = useRef<HTMLFormElement>(null);
  const [refusedSubmits, setRefusedSubmits] = useState(0);
  useEffect(() => {
    if (refusedSubmits > 0) focusFirstInvalidField(formRef.current);
  }, [refusedSubmits]);
  useEffect(() => {
    if (serverError) focusFirstInvalidField(formRef.current);
  }, [serverError]);
  const focusInvalid = useCallback(() => setRefusedSubmits((count) => count + 1), []);
  return { formRef, focusInvalid };
}

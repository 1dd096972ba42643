'use client';

import type { ReactNode } from 'react';
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

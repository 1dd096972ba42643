'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '@/app/i18n/locale-provider';
import { formatFen } from '@/server/domain/money';

/**
 * Asks before an irreversible step, saying what it will do. A native modal <dialog>: focus moves into it (to
 * Cancel) and back to where it was when it closes; Escape cancels.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  /** What the step will do, in figures. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      // Cancel first: an Enter pressed out of habit must not do the irreversible step.
      cancelButton.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
      className="w-full max-w-md rounded bg-white p-6 shadow-xl backdrop:bg-slate-900/40"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onClose={() => {
        returnFocusTo.current?.focus();
        returnFocusTo.current = null;
      }}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <div id={`${id}-summary`} className="mt-3 space-y-1 text-sm">
        {children}
      </div>
      <div className="mt-6 flex justify-end gap-2">
        <button ref={cancelButton} type="button" className="btn-secondary" onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
        <button type="button" className="btn-primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

/** Money with its sign always shown, as a confirmation states a change: +¥16.40, −¥10.00. */
export function formatSignedFen(fen: number): string {
  return `${fen < 0 ? '−' : '+'}${formatFen(Math.abs(fen), { symbol: true })}`;
}

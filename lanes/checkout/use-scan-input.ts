'use client';

import { useEffect, useRef, type FormEvent } from 'react';
import { WedgeDetector } from './wedge-detector';

/**
 * Where scans come in while the sale screen is up: the barcode field (typed or scanned into it), and keyboard-wedge
 * bursts anywhere else on the page, told from typing by `WedgeDetector`. `listening` false (another screen or a
 * dialog takes its own input) stands the page-wide listener down.
 */
export function useScanInput(onScan: (code: string) => Promise<void>, listening: boolean) {
  const barcodeField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!listening) return;
    const detector = new WedgeDetector();
    let burstTarget: { input: HTMLInputElement; value: string } | null = null;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target === barcodeField.current) return;
      if (event.key === 'Enter') {
        const scanned = detector.enter(event.timeStamp);
        if (scanned) {
          event.preventDefault();
          if (burstTarget) burstTarget.input.value = burstTarget.value;
          burstTarget = null;
          void onScan(scanned);
        }
        return;
      }
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      const isBurst = detector.key(event.key, event.timeStamp);
      // The first key of a burst reaches the focused field before we know it is a scan: remember what to restore.
      if (detector.pending.length === 1) {
        burstTarget = target instanceof HTMLInputElement ? { input: target, value: target.value } : null;
      }
      if (isBurst) event.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onScan, listening]);

  // The field is uncontrolled: a scanner's keystrokes into it re-render nothing, however long the sale.
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    const field = barcodeField.current;
    if (!field) return;
    void onScan(field.value);
    field.value = '';
  };

  return { barcodeField, submitCode };
}

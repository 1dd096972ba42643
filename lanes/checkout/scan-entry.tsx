'use client';

import type { FormEvent, RefObject } from 'react';
import { useT } from '@/app/i18n/locale-provider';
import { CameraScanner } from './camera-scanner';

/** The barcode field (a code typed, or scanned into it) and the camera as a scanner. */
export function ScanEntry({
  barcodeField,
  onSubmit,
  camera,
  onCameraChange,
  onScan,
}: {
  barcodeField: RefObject<HTMLInputElement | null>;
  onSubmit: (event: FormEvent) => void;
  camera: boolean;
  onCameraChange: (open: boolean) => void;
  onScan: (code: string) => Promise<void>;
}) {
  const t = useT();
  return (
    <>
      <form onSubmit={onSubmit} className="flex gap-2 border-b p-3">
        <label htmlFor="barcode" className="sr-only">
          {t('lane.barcode')}
        </label>
        <input
          id="barcode"
          ref={barcodeField}
          autoFocus
          autoComplete="off"
          inputMode="numeric"
          placeholder={t('lane.barcode')}
          className="field-input font-mono text-lg"
        />
        <button type="submit" className="btn-secondary">
          {t('lane.add')}
        </button>
        <button type="button" className="btn-secondary" aria-pressed={camera} onClick={() => onCameraChange(!camera)}>
          {t('lane.camera')}
        </button>
      </form>
      {camera && (
        <CameraScanner
          onCode={(scanned) => {
            onCameraChange(false);
            void onScan(scanned);
          }}
          onClose={() => onCameraChange(false)}
        />
      )}
    </>
  );
}

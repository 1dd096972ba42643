'use client';

import type Quagga from '@ericblade/quagga2';
import { useEffect, useRef, useState } from 'react';
import { useT } from '@/app/i18n/locale-provider';
import { isValidGtin } from '@/server/domain/barcode';

type DetectedResult = { codeResult?: { code?: string | null } };

/** A code is taken once two frames in a row read it, and an EAN/UPC only with a valid check digit. */
export function acceptRead(previous: string | null, code: string): boolean {
  if (/^[0-9]+$/.test(code) && [8, 12, 13].includes(code.length) && !isValidGtin(code)) return false;
  return previous === code;
}

/** Scans one barcode with the camera (quagga2: EAN-13, EAN-8, UPC-A, Code 128), then hands it over. */
export function CameraScanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const t = useT();
  const target = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let stopped = false;
    let previous: string | null = null;
    let quagga: typeof Quagga | null = null;
    const handler = (result: DetectedResult) => {
      const code = result.codeResult?.code;
      if (!code || stopped) return;
      if (acceptRead(previous, code)) {
        stopped = true;
        onCodeRef.current(code);
      }
      previous = code;
    };
    void import('@ericblade/quagga2').then(({ default: loaded }) => {
      if (stopped || !target.current) return;
      quagga = loaded;
      loaded.init(
        {
          inputStream: {
            type: 'LiveStream',
            target: target.current,
            constraints: { width: 640, height: 480, facingMode: 'environment' },
          },
          decoder: { readers: ['ean_reader', 'ean_8_reader', 'upc_reader', 'code_128_reader'] },
          locate: true,
        },
        (err: unknown) => {
          if (err) {
            setError(err instanceof Error ? err.message : String(err));
            return;
          }
          if (stopped) return;
          loaded.onDetected(handler);
          loaded.start();
        },
      );
    });
    return () => {
      stopped = true;
      quagga?.offDetected(handler);
      void quagga?.stop();
    };
  }, []);

  return (
    <div className="border-b bg-slate-900 p-3 text-white" aria-label={t('lane.camera')} role="region">
      <div
        ref={target}
        className="mx-auto h-60 w-80 overflow-hidden [&_canvas]:hidden [&_video]:h-full [&_video]:w-full"
      />
      {error && (
        <p role="alert" className="text-red-300">
          {error}
        </p>
      )}
      <button type="button" className="btn-secondary mt-2" onClick={onClose}>
        {t('lane.back')}
      </button>
    </div>
  );
}

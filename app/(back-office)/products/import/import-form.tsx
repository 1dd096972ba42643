'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { FormError, useFocusFirstInvalid } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import type { MessageKey } from '@/app/i18n/messages';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';

const MAX_BYTES = 10 * 1024 * 1024;
/** Rows of the error and plan tables drawn at first and per "show more": thousands of rows at once stall the page. */
const ROWS_SHOWN = 100;

interface ImportProgress {
  phase: 'checking' | 'writing';
  total: number;
  checked: number;
  written: number;
}

/** Polls the server for a running preview or apply of this import, twice a second. */
function useImportProgress(importId: string | undefined, running: boolean) {
  return useQuery({
    queryKey: ['catalog-import-progress', importId],
    queryFn: async () => {
      const response = await fetch(`/api/catalog-import-progress?importId=${encodeURIComponent(importId ?? '')}`);
      return ((await response.json()) as { progress: ImportProgress | null }).progress;
    },
    enabled: running && importId !== undefined,
    refetchInterval: 200,
    gcTime: 0,
  });
}

function ProgressLine({ progress }: { progress: ImportProgress | null | undefined }) {
  const t = useT();
  return (
    <p role="status" className="text-sm text-slate-600">
      {!progress
        ? t('catalogIo.progressStarting')
        : progress.phase === 'checking'
          ? t('catalogIo.progressChecked', { done: progress.checked, total: progress.total })
          : t('catalogIo.progressWritten', { done: progress.written, total: progress.total })}
    </p>
  );
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportForm() {
  const t = useT();
  const trpc = useTRPC();
  const [file, setFile] = useState<{ importId: string; fileName: string; contentBase64: string } | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const preview = useMutation(trpc.catalogIo.previewImport.mutationOptions());
  const apply = useMutation(trpc.catalogIo.applyImport.mutationOptions());
  const column = (key: string) => t(`catalogIo.column.${key}` as MessageKey);
  const data = preview.data;
  const result = apply.data;
  const { formRef } = useFocusFirstInvalid(preview.error);
  const running = preview.isPending || apply.isPending;
  const progress = useImportProgress(file?.importId, running);
  const [issuesShown, setIssuesShown] = useState(ROWS_SHOWN);
  const [linesShown, setLinesShown] = useState(ROWS_SHOWN);

  async function choose(chosen: File | undefined) {
    preview.reset();
    apply.reset();
    setIssuesShown(ROWS_SHOWN);
    setLinesShown(ROWS_SHOWN);
    setFile(null);
    setTooLarge(false);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setTooLarge(true);
      return;
    }
    setFile({ importId: uuidv7(), fileName: chosen.name, contentBase64: await toBase64(chosen) });
  }

  return (
    <section className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t('catalogIo.import.title')}</h1>
        <Link href="/products" className="btn-secondary">
          {t('products.title')}
        </Link>
      </div>
      <p className="max-w-3xl text-sm text-slate-600">{t('catalogIo.import.help')}</p>
      <form
        ref={formRef}
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) preview.mutate(file);
        }}
      >
        <label className="block">
          <span className="mb-1 block text-sm font-medium">{t('catalogIo.import.file')}</span>
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="field-input"
            aria-invalid={tooLarge || Boolean(preview.error)}
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        </label>
        <button type="submit" className="btn-primary" disabled={!file || preview.isPending}>
          {preview.isPending ? t('catalogIo.import.reading') : t('catalogIo.import.preview')}
        </button>
      </form>
      {tooLarge && (
        <p role="alert" className="text-sm text-red-600">
          {t('catalogIo.import.tooLarge')}
        </p>
      )}
      <FormError error={describeError(preview.error, t)} />
      {running && <ProgressLine progress={progress.data} />}

      {data && (
        <div className="space-y-4">
          {data.fileIssues.length > 0 ? (
            <div role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-700">
              <p className="font-medium">{t('catalogIo.import.fileIssues')}</p>
              <ul className="list-disc pl-5">
                {data.fileIssues.map((issue, i) => (
                  <li key={i}>
                    {t(`catalogIo.fileIssue.${issue.code}` as MessageKey, {
                      ...('line' in issue ? { line: issue.line } : {}),
                      ...('max' in issue ? { max: issue.max } : {}),
                      ...('column' in issue ? { column: column(issue.column) } : {}),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <div className="rounded bg-white p-4 shadow" aria-live="polite">
              <p className="font-medium">
                {t('catalogIo.import.summary', {
                  lines: data.lineCount,
                  valid: data.validCount,
                  invalid: data.invalidCount,
                })}
              </p>
              <p className="text-sm text-slate-600">
                {t('catalogIo.import.counts', {
                  create: data.counts.create,
                  update: data.counts.update,
                  price: data.counts['update-price'],
                  unchanged: data.counts.unchanged,
                })}
              </p>
            </div>
          )}

          {data.issues.length > 0 && (
            <div className="overflow-x-auto rounded bg-white shadow">
              <table className="data-table" aria-label={t('catalogIo.import.errors')}>
                <caption className="p-2 text-left font-medium text-red-700">{t('catalogIo.import.errors')}</caption>
                <thead>
                  <tr>
                    <th>{t('catalogIo.import.line')}</th>
                    <th>{t('catalogIo.import.column')}</th>
                    <th>{t('catalogIo.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.issues.slice(0, issuesShown).map((issue, i) => (
                    <tr key={i}>
                      <td className="font-mono">{issue.line}</td>
                      <td>{column(issue.column)}</td>
                      <td>{t(`catalogIo.issue.${issue.code}` as MessageKey, issue.params)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ShowMore
                shown={Math.min(issuesShown, data.issues.length)}
                available={data.issues.length}
                all={data.issueCount}
                onMore={() => setIssuesShown((n) => n + ROWS_SHOWN)}
              />
            </div>
          )}

          {data.lines.length > 0 && (
            <div className="overflow-x-auto rounded bg-white shadow">
              <table className="data-table" aria-label={t('catalogIo.import.plan')}>
                <caption className="p-2 text-left font-medium">{t('catalogIo.import.plan')}</caption>
                <thead>
                  <tr>
                    <th>{t('catalogIo.import.line')}</th>
                    <th>{t('products.code')}</th>
                    <th>{t('products.nameZh')}</th>
                    <th>{t('catalogIo.import.action')}</th>
                    <th className="text-right">{t('products.price')}</th>
                    <th>{t('catalogIo.import.newBarcodes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.lines.slice(0, linesShown).map((line) => (
                    <tr key={line.line}>
                      <td className="font-mono">{line.line}</td>
                      <td className="font-mono">{line.code}</td>
                      <td>{line.nameZh}</td>
                      <td>{t(`catalogIo.action.${line.action}`)}</td>
                      <td className="text-right font-mono">
                        {line.priceBeforeFen !== null && line.priceBeforeFen !== line.priceFen
                          ? `${formatFen(line.priceBeforeFen, { symbol: true })} → `
                          : ''}
                        {formatFen(line.priceFen, { symbol: true })}
                      </td>
                      <td className="font-mono text-xs">{line.barcodesAdded.join(' ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ShowMore
                shown={Math.min(linesShown, data.lines.length)}
                available={data.lines.length}
                all={data.validCount}
                onMore={() => setLinesShown((n) => n + ROWS_SHOWN)}
              />
            </div>
          )}

          {file && data.fileIssues.length === 0 && !result && (
            <div className="flex gap-3">
              <button
                type="button"
                className="btn-primary"
                disabled={apply.isPending || data.invalidCount > 0 || data.validCount === 0}
                onClick={() => apply.mutate({ ...file, mode: 'all' })}
              >
                {t('catalogIo.import.applyAll')}
              </button>
              {data.invalidCount > 0 && data.validCount > 0 && (
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={apply.isPending}
                  onClick={() => apply.mutate({ ...file, mode: 'valid-only' })}
                >
                  {t('catalogIo.import.applyValid')}
                </button>
              )}
              {apply.isPending && <span className="text-sm text-slate-600">{t('catalogIo.import.applying')}</span>}
            </div>
          )}
          <FormError error={describeError(apply.error, t)} />
          {result && (
            <div role="status" className="rounded border border-green-200 bg-green-50 p-3 text-sm text-green-800">
              {result.alreadyApplied && <p>{t('catalogIo.import.alreadyApplied')}</p>}
              <p>
                {t('catalogIo.import.applied', {
                  created: result.created,
                  updated: result.updated,
                  priceChanged: result.priceChanged,
                  unchanged: result.unchanged,
                  barcodes: result.barcodesAdded,
                  skipped: result.skippedLines,
                })}
              </p>
              <Link href="/products" className="text-brand-700 hover:underline">
                {t('products.title')}
              </Link>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** Below a table drawn in part: a button for the next rows the page holds, and how many rows are not shown. */
function ShowMore({
  shown,
  available,
  all,
  onMore,
}: {
  shown: number;
  available: number;
  all: number;
  onMore: () => void;
}) {
  const t = useT();
  if (shown >= all) return null;
  return (
    <div className="flex items-center gap-3 p-2 text-sm text-slate-500">
      <span>{t('catalogIo.rowsNotShown', { count: all - shown })}</span>
      {shown < available && (
        <button type="button" className="btn-secondary" onClick={onMore}>
          {t('catalogIo.showMoreRows', { count: Math.min(ROWS_SHOWN, available - shown) })}
        </button>
      )}
    </div>
  );
}

import { expect, it } from 'vitest';
import { exportFileName } from './export-file-name';

it('names a file with the store’s code and the store’s own date, not UTC’s', () => {
  // 07:30 in Shanghai on 7 December is still 6 December in UTC.
  const at = new Date('2026-12-06T23:30:00Z');
  expect(exportFileName('catalog', 'S001', { at, timeZone: 'Asia/Shanghai' }, 'xlsx')).toBe(
    'catalog-S001-2026-12-07.xlsx',
  );
  expect(exportFileName('catalog', 'S001', { at, timeZone: 'Europe/London' }, 'csv')).toBe(
    'catalog-S001-2026-12-06.csv',
  );
});

it('names a file covering days by its first and last day, one day once', () => {
  expect(exportFileName('card-reconciliation', 'S001', { from: '2026-12-01', to: '2026-12-07' }, 'xlsx')).toBe(
    'card-reconciliation-S001-2026-12-01-2026-12-07.xlsx',
  );
  expect(exportFileName('card-reconciliation', 'S001', { from: '2026-12-07', to: '2026-12-07' }, 'xlsx')).toBe(
    'card-reconciliation-S001-2026-12-07.xlsx',
  );
});

it('keeps a store code a file system might refuse out of the name', () => {
  expect(exportFileName('labels', 'A/B 北京:1', { from: '2026-12-07', to: '2026-12-07' }, 'pdf')).toBe(
    'labels-A_B_北京_1-2026-12-07.pdf',
  );
});

import { expect, it } from 'vitest';
import { exportCatalog } from '../catalog-io/export-catalog';
import { getLabelSheetName } from '../catalog-io/get-label-sheet-name';
import { cardReconciliationWorkbook } from '../payments/card-reconciliation-workbook';
import { callerFor } from '../testing/caller';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture, testClock } from '../testing/fixtures';

forEachDatabase((database) => {
  it('names every file the back office hands out with the store’s code and the store’s own date', async () => {
    // 07:30 in Shanghai on 21 November: UTC still says 20 November.
    const store = await createStoreFixture(database().db, testClock(new Date('2026-11-21T07:30:00+08:00')));
    const manager = store.as('store_manager');
    expect((await exportCatalog(manager, { format: 'xlsx' })).fileName).toBe(`catalog-${store.code}-2026-11-21.xlsx`);
    expect((await exportCatalog(manager, { format: 'csv' })).fileName).toBe(`catalog-${store.code}-2026-11-21.csv`);
    expect(await getLabelSheetName(manager)).toEqual({
      title: `labels-${store.code}-2026-11-21`,
      fileName: `labels-${store.code}-2026-11-21.pdf`,
    });
    expect((await cardReconciliationWorkbook(manager, { from: '2026-11-15', to: '2026-11-21' })).fileName).toBe(
      `card-reconciliation-${store.code}-2026-11-15-2026-11-21.xlsx`,
    );

    const caller = await callerFor(store, 'supervisor');
    expect(await caller.catalogIo.labelSheetName()).toMatchObject({ title: `labels-${store.code}-2026-11-21` });
  });
});

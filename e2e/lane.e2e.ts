import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { generateDemoCatalog } from '../db/seed/catalog-data';
import { buildEmbeddedBarcode, defaultEmbeddedBarcodeLayouts } from '../server/domain/embedded-barcode';
import { formatFen } from '../server/domain/money';
import { priceForWeight } from '../server/domain/embedded-barcode';
import { bindLaneDevice } from './support/lane-device';

test.use({ locale: 'en-US' });

const catalog = generateDemoCatalog();
const counted = catalog.filter((p) => p.unit === 'each' && p.barcodes.length > 0);
const weighed = catalog.find((p) => p.unit === 'kg' && p.plu);
const weightLayout = defaultEmbeddedBarcodeLayouts.find((l) => l.valueKind === 'weight');

async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function onHandOf(page: Page, code: string): Promise<number> {
  const request = page.request;
  await request.post('/api/trpc/auth.signIn', { data: { json: { operatorNo: '8001', password: 'manager8001' } } });
  const list = await trpcQuery<{ items: { id: string; code: string }[] }>(request, 'catalog.list', { query: code });
  const id = list.items.find((p) => p.code === code)?.id;
  return (await trpcQuery<{ onHand: number }>(request, 'catalog.get', { id })).onHand;
}

/** Signs the browser context in at the back office as the store manager (the lane keeps its own session). */
async function managerRequest(page: Page): Promise<APIRequestContext> {
  const request = page.request;
  await request.post('/api/trpc/auth.signIn', { data: { json: { operatorNo: '8001', password: 'manager8001' } } });
  return request;
}

async function productIdOf(request: APIRequestContext, code: string): Promise<string> {
  const list = await trpcQuery<{ items: { id: string; code: string }[] }>(request, 'catalog.list', { query: code });
  const id = list.items.find((p) => p.code === code)?.id;
  if (!id) throw new Error(`no product ${code}`);
  return id;
}

async function signInAtLane(page: Page, lane: number, operatorNo: string, password: string) {
  await bindLaneDevice(page, { laneNumber: lane });
  await page.goto(`/lanes/${lane}`);
  await page.getByLabel('Operator number').fill(operatorNo);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Barcode')).toBeVisible();
  await expect(page.getByTestId('catalog-size')).not.toHaveText('Catalog 0');
}

/** A keyboard-wedge scanner: the whole code as a burst of keystrokes, then Enter, wherever focus is. */
async function wedgeScan(page: Page, code: string) {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

test('a cashier scans a wedge burst and a scale label, voids a line, takes cash and stock goes down', async ({
  page,
}) => {
  const [a, b, c] = counted;
  if (!a || !b || !c || !weighed?.plu || !weightLayout) throw new Error('seed catalog lacks products');
  const before = await onHandOf(page, a.code);
  await signInAtLane(page, 1, '1001', 'cash1001');

  await page.getByRole('table', { name: 'Items' }).click();
  for (const product of [a, b, c]) await wedgeScan(page, product.barcodes[0]?.code ?? '');
  const label = buildEmbeddedBarcode(weightLayout, weighed.plu, 1250);
  await page.getByLabel('Barcode').fill(label);
  await page.getByLabel('Barcode').press('Enter');
  const lines = page.getByRole('table', { name: 'Items' }).locator('tbody tr');
  await expect(lines).toHaveCount(4);
  await expect(lines.nth(3)).toContainText('1.250 kg');

  await page.getByRole('button', { name: 'Void 2' }).click();
  await expect(lines).toHaveCount(3);
  const totalFen = a.priceFen + c.priceFen + priceForWeight(weighed.priceFen, 1250);
  await expect(page.getByTestId('sale-total')).toHaveText(formatFen(totalFen, { symbol: true }));

  await page.getByLabel('Cash given (yuan)').fill('500');
  await page.getByRole('button', { name: 'Cash', exact: true }).click();
  const receipt = page.getByRole('region', { name: 'Receipt' });
  await expect(receipt.getByTestId('receipt-total')).toContainText(formatFen(totalFen, { symbol: true }));
  await expect(receipt.getByTestId('receipt-change')).toContainText(formatFen(50_000 - totalFen, { symbol: true }));
  await expect(receipt.locator('svg')).toBeVisible();
  await expect(page.getByText(/waiting to upload/)).toHaveCount(0);
  await expect.poll(() => onHandOf(page, a.code)).toBe(before - 1);
});

test('an unknown barcode is refused clearly and changes nothing', async ({ page }) => {
  await signInAtLane(page, 2, '1002', 'cash1002');
  await page.getByLabel('Barcode').fill('4006381333931');
  await page.getByLabel('Barcode').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Unknown barcode' })).toHaveText(
    'Unknown barcode: 4006381333931',
  );
  await expect(page.getByRole('table', { name: 'Items' }).locator('tbody tr')).toContainText('Scan an item');

  await page.getByRole('searchbox', { name: 'Product search (name / pinyin initials)' }).fill('xj');
  await page.getByRole('list', { name: 'Search results' }).getByRole('button', { name: /香蕉/ }).click();
  await page.getByLabel('Weight (grams)').fill('800');
  await page.getByLabel('Weight (grams)').press('Enter');
  await expect(page.getByRole('table', { name: 'Items' }).locator('tbody tr')).toContainText('0.800 kg');
});

test('a reload in the middle of a sale resumes exactly where the cashier was', async ({ page }) => {
  const [a, b] = counted;
  if (!a || !b) throw new Error('seed catalog lacks products');
  await signInAtLane(page, 3, '7001', 'super7001');
  await wedgeScan(page, a.barcodes[0]?.code ?? '');
  await wedgeScan(page, a.barcodes[0]?.code ?? '');
  await wedgeScan(page, b.barcodes[0]?.code ?? '');
  const lines = page.getByRole('table', { name: 'Items' }).locator('tbody tr');
  await expect(lines).toHaveCount(2);
  await page.reload();
  await expect(lines).toHaveCount(2);
  await expect(page.getByLabel('Quantity 1')).toHaveValue('2');
  await expect(page.getByTestId('sale-total')).toHaveText(formatFen(2 * a.priceFen + b.priceFen, { symbol: true }));
});

test('a long sale stays whole: the newest line in view after each scan, the first still reachable and voidable', async ({
  page,
}) => {
  const products = counted.slice(100, 160);
  const [first] = products;
  if (products.length < 60 || !first) throw new Error('seed catalog lacks products');
  await signInAtLane(page, 2, '1002', 'cash1002');
  const table = page.getByRole('table', { name: 'Items' });
  const rowAt = (lineNo: number) => table.locator(`tbody tr[aria-rowindex="${lineNo + 1}"]`);
  for (const [i, product] of products.entries()) {
    await wedgeScan(page, product.barcodes[0]?.code ?? '');
    if (i % 20 === 19) await expect(rowAt(i + 1)).toBeInViewport();
  }
  await expect(table).toHaveAttribute('aria-rowcount', String(products.length + 1));
  await expect(rowAt(products.length)).toContainText(products.at(-1)?.barcodes[0]?.code ?? '');
  await expect(rowAt(products.length)).toBeInViewport();
  // Only the lines near the view are drawn; the rest are a scroll away.
  expect(await table.locator('tbody tr').count()).toBeLessThan(products.length);
  const sum = (list: typeof products) => list.reduce((total, p) => total + p.priceFen, 0);
  await expect(page.getByTestId('sale-total')).toHaveText(formatFen(sum(products), { symbol: true }));

  await expect(rowAt(1)).toHaveCount(0);
  await table.evaluate((element) => element.parentElement?.scrollTo({ top: 0 }));
  await expect(rowAt(1)).toContainText(first.barcodes[0]?.code ?? '');
  await page.getByRole('button', { name: 'Void 1', exact: true }).click();
  await expect(table).toHaveAttribute('aria-rowcount', String(products.length));
  await expect(page.getByTestId('sale-total')).toHaveText(formatFen(sum(products.slice(1)), { symbol: true }));

  await page.getByLabel('Cash given (yuan)').fill(formatFen(sum(products.slice(1))));
  await page.getByRole('button', { name: 'Cash', exact: true }).click();
  const receipt = page.getByRole('region', { name: 'Receipt' });
  await expect(receipt.getByTestId('receipt-total')).toContainText(formatFen(sum(products.slice(1)), { symbol: true }));
});

test('offline, the lane keeps selling for cash; back online, each sale is recorded once', async ({ page }) => {
  const [, , , d, e] = counted;
  if (!d || !e) throw new Error('seed catalog lacks products');
  await signInAtLane(page, 1, '1001', 'cash1001');
  const before = await onHandOf(page, d.code);
  // The server out of reach: its health check too, which the banner follows.
  await page.route('**/api/health', (route) => route.abort());
  await page.route('**/api/trpc/**', (route) => route.abort());
  for (const product of [d, e]) {
    await page.getByLabel('Barcode').fill(product.barcodes[0]?.code ?? '');
    await page.getByLabel('Barcode').press('Enter');
    await page
      .getByRole('button', { name: formatFen(product.priceFen, { symbol: true }) })
      .first()
      .click();
    await expect(page.getByRole('region', { name: 'Receipt' })).toBeVisible();
    await page.getByRole('button', { name: 'Next customer' }).click();
  }
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();
  await expect(page.getByText('2 sales waiting to upload')).toBeVisible();
  await page.unroute('**/api/trpc/**');
  await page.unroute('**/api/health');
  await expect(page.getByText(/waiting to upload/)).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByText('Online', { exact: true })).toBeVisible();
  await page.reload();
  await expect.poll(() => onHandOf(page, d.code)).toBe(before - 1);
});

test('a parked sale waits while the next customer pays, survives a reload, and resumes', async ({ page }) => {
  const [a, b] = counted.slice(6);
  if (!a || !b) throw new Error('seed catalog lacks products');
  await signInAtLane(page, 1, '1001', 'cash1001');
  await wedgeScan(page, a.barcodes[0]?.code ?? '');
  await page.getByRole('button', { name: 'Park sale' }).click();
  await expect(page.getByTestId('sale-total')).toHaveText('¥0.00');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Finish the current and parked sales first' })).toBeVisible();
  await wedgeScan(page, b.barcodes[0]?.code ?? '');
  await page
    .getByRole('button', { name: formatFen(b.priceFen, { symbol: true }) })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next customer' }).click();
  await page.reload();
  await page
    .getByRole('list', { name: 'Parked sales' })
    .getByRole('button', { name: /Resume/ })
    .click();
  await expect(page.getByTestId('sale-total')).toHaveText(formatFen(a.priceFen, { symbol: true }));
  await expect(page.getByRole('list', { name: 'Parked sales' })).toHaveCount(0);
});

test('price override, a large discount and voiding a sale need a supervisor at the lane', async ({ page }) => {
  const product = counted[8];
  if (!product) throw new Error('seed catalog lacks products');
  await signInAtLane(page, 2, '1002', 'cash1002');
  await wedgeScan(page, product.barcodes[0]?.code ?? '');

  await page.getByRole('button', { name: 'Override price 1' }).click();
  const priceDialog = page.getByRole('form', { name: 'Override price' });
  await priceDialog.getByLabel('New unit price (yuan)').fill(formatFen(product.priceFen - 100));
  await priceDialog.getByLabel('Supervisor operator number').fill('1002');
  await priceDialog.getByLabel('Supervisor password').fill('cash1002');
  await priceDialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(priceDialog.getByRole('alert')).toHaveText('Only a supervisor or manager of this store can approve');
  await priceDialog.getByLabel('Supervisor operator number').fill('7001');
  await priceDialog.getByLabel('Supervisor password').fill('super7001');
  await priceDialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('sale-total')).toHaveText(formatFen(product.priceFen - 100, { symbol: true }));

  await page.getByRole('button', { name: 'Sale discount' }).click();
  const discountDialog = page.getByRole('form', { name: 'Sale discount' });
  await discountDialog.getByLabel('Discount (%)').fill('50');
  await discountDialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(discountDialog.getByRole('alert')).toBeVisible();
  await discountDialog.getByLabel('Supervisor operator number').fill('7001');
  await discountDialog.getByLabel('Supervisor password').fill('super7001');
  await discountDialog.getByRole('button', { name: 'Confirm' }).click();
  const discounted = Math.round((product.priceFen - 100) / 2);
  await expect(page.getByTestId('sale-total')).toHaveText(formatFen(discounted, { symbol: true }));
  await page
    .getByRole('button', { name: formatFen(discounted, { symbol: true }) })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Receipt' }).getByTestId('receipt-total')).toContainText(
    formatFen(discounted, { symbol: true }),
  );
  await page.getByRole('button', { name: 'Next customer' }).click();
  await expect(page.getByText(/waiting to upload|refused/)).toHaveCount(0);

  await wedgeScan(page, product.barcodes[0]?.code ?? '');
  await page.getByRole('button', { name: 'Void sale' }).click();
  const voidDialog = page.getByRole('form', { name: 'Void sale' });
  await voidDialog.getByLabel('Supervisor operator number').fill('7001');
  await voidDialog.getByLabel('Supervisor password').fill('super7001');
  await voidDialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('sale-total')).toHaveText('¥0.00');
});

test('paid in and paid out move the expected cash of the X report', async ({ page }) => {
  await signInAtLane(page, 3, '7001', 'super7001');
  await page.getByRole('button', { name: 'Drawer / X report' }).click();
  const expected = page.getByTestId('x-expected');
  await expect(expected).toContainText('¥');
  const beforeFen = Math.round(Number((await expected.innerText()).replace(/[^0-9.-]/g, '')) * 100);
  await page.getByLabel('Amount (yuan)').fill('50');
  await page.getByLabel('Reason').fill('补零钱');
  await page.getByRole('button', { name: 'Record' }).click();
  await expect(expected).toContainText(formatFen(beforeFen + 5000, { symbol: true }));
  await page.getByLabel('Kind').selectOption('paid_out');
  await page.getByLabel('Amount (yuan)').fill('20');
  await page.getByLabel('Reason').fill('买清洁用品');
  await page.getByRole('button', { name: 'Record' }).click();
  await expect(expected).toContainText(formatFen(beforeFen + 3000, { symbol: true }));
});

test('a return by receipt refunds cash and puts the item back in stock', async ({ page }) => {
  const product = counted[5];
  if (!product) throw new Error('seed catalog lacks products');
  await signInAtLane(page, 2, '1002', 'cash1002');
  await wedgeScan(page, product.barcodes[0]?.code ?? '');
  await wedgeScan(page, product.barcodes[0]?.code ?? '');
  await page
    .getByRole('button', { name: formatFen(2 * product.priceFen, { symbol: true }) })
    .first()
    .click();
  const receiptNo = await page.getByTestId('receipt-no').innerText();
  await page.getByRole('button', { name: 'Next customer' }).click();
  await expect(page.getByText(/waiting to upload/)).toHaveCount(0);
  const afterSale = await onHandOf(page, product.code);

  await page.getByRole('button', { name: 'Return' }).click();
  await wedgeScan(page, receiptNo);
  await page.getByLabel('Return quantity 1').fill('1');
  await page.getByRole('button', { name: `Refund ${formatFen(product.priceFen, { symbol: true })}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Refunded' })).toHaveText(
    `Refunded ${formatFen(product.priceFen, { symbol: true })}`,
  );
  expect(await onHandOf(page, product.code)).toBe(afterSale + 1);

  await page.getByRole('button', { name: 'Next customer' }).click();
  await page.getByRole('button', { name: 'Return' }).click();
  await page.getByLabel('Receipt no.').fill(receiptNo);
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByLabel('Return quantity 1')).toHaveAttribute('max', '1');
});

test('line discounts by percent or amount: within the limit the cashier alone, beyond it a supervisor', async ({
  page,
}) => {
  const product = counted[10];
  if (!product) throw new Error('seed catalog lacks products');
  await signInAtLane(page, 2, '1002', 'cash1002');
  await wedgeScan(page, product.barcodes[0]?.code ?? '');
  await wedgeScan(page, product.barcodes[0]?.code ?? '');
  const gross = 2 * product.priceFen;

  await page.getByRole('button', { name: 'Line discount 1' }).click();
  let dialog = page.getByRole('form', { name: 'Discount line 1' });
  await dialog.getByLabel('Discount (%)').fill('5');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const small = Math.round((gross * 5) / 100);
  await expect(page.getByTestId('sale-total')).toHaveText(formatFen(gross - small, { symbol: true }));
  await expect(page.getByRole('table', { name: 'Items' })).toContainText(`Discount −${formatFen(small)}`);

  await page.getByRole('button', { name: 'Line discount 1' }).click();
  dialog = page.getByRole('form', { name: 'Discount line 1' });
  await dialog.getByLabel('or amount off (yuan)').fill(formatFen(Math.round(gross * 0.3)));
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByLabel('Supervisor operator number').fill('7001');
  await dialog.getByLabel('Supervisor password').fill('super7001');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const total = gross - Math.round(gross * 0.3);
  await expect(page.getByTestId('sale-total')).toHaveText(formatFen(total, { symbol: true }));
  await page
    .getByRole('button', { name: formatFen(total, { symbol: true }) })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Receipt' }).getByTestId('receipt-total')).toContainText(
    formatFen(total, { symbol: true }),
  );
  await page.getByRole('button', { name: 'Next customer' }).click();
  await expect(page.getByText(/waiting to upload|refused/)).toHaveCount(0);
});

test('a return without a receipt needs a supervisor and refunds today’s price', async ({ page }) => {
  const product = counted[11];
  if (!product) throw new Error('seed catalog lacks products');
  const before = await onHandOf(page, product.code);
  await signInAtLane(page, 2, '1002', 'cash1002');
  await page.getByRole('button', { name: 'Return' }).click();
  await page.getByRole('button', { name: 'Return without receipt' }).click();
  await wedgeScan(page, product.barcodes[0]?.code ?? '');
  await page.getByLabel('Return quantity 1').fill('2');
  await page.getByLabel('Reason for the return').fill('Unopened, receipt lost');
  const refund = formatFen(2 * product.priceFen, { symbol: true });
  await page.getByRole('button', { name: `Refund ${refund}` }).click();
  const dialog = page.getByRole('form', { name: 'Return without receipt' });
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByLabel('Supervisor operator number').fill('7001');
  await dialog.getByLabel('Supervisor password').fill('super7001');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Refunded' })).toHaveText(`Refunded ${refund}`);
  expect(await onHandOf(page, product.code)).toBe(before + 2);
});

test('a price changed while the lane was offline stands on the sale and is flagged for the manager', async ({
  page,
}) => {
  const product = counted[12];
  if (!product) throw new Error('seed catalog lacks products');
  const request = await managerRequest(page);
  const productId = await productIdOf(request, product.code);
  await signInAtLane(page, 1, '1001', 'cash1001');
  await page.route('**/api/trpc/**', (route) => route.abort());
  await wedgeScan(page, product.barcodes[0]?.code ?? '');
  await page
    .getByRole('button', { name: formatFen(product.priceFen, { symbol: true }) })
    .first()
    .click();
  const receiptNo = await page.getByTestId('receipt-no').innerText();
  await page.getByRole('button', { name: 'Next customer' }).click();
  const changed = await request.post('/api/trpc/catalog.update', {
    data: { json: { id: productId, priceFen: product.priceFen + 100 } },
  });
  expect(changed.ok(), await changed.text()).toBe(true);
  await page.unroute('**/api/trpc/**');
  await expect(page.getByText(/waiting to upload/)).toHaveCount(0, { timeout: 20_000 });

  await page.goto('/sales-review');
  const differences = page.getByRole('table', { name: 'Price differences' });
  const row = differences.getByRole('row').filter({ hasText: receiptNo });
  await expect(row).toContainText(product.nameZh);
  await expect(row).toContainText(formatFen(product.priceFen + 100));
  await expect(row).toContainText(formatFen(-100, { symbol: true }));
  await expect(page.getByRole('table', { name: 'Sales the server refused' })).toContainText('No refused sales');
});

test('the first catalog download is one gzip response; a price changed later comes down with the next sync', async ({
  page,
}) => {
  const product = counted[40];
  if (!product) throw new Error('seed catalog lacks products');
  const request = await managerRequest(page);
  const productId = await productIdOf(request, product.code);
  const bulk = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/lane-catalog');
  await signInAtLane(page, 1, '1001', 'cash1001');
  const download = await bulk;
  expect(download.status()).toBe(200);
  expect((await download.allHeaders())['content-encoding']).toBe('gzip');
  const cached = Number((await page.getByTestId('catalog-size').innerText()).replace(/\D/g, ''));
  expect(cached).toBeGreaterThanOrEqual(catalog.length);

  const changedPage = page.waitForResponse(
    async (response) => response.url().includes('lane.catalog') && (await response.text()).includes(productId),
    { timeout: 20_000 },
  );
  const changed = await request.post('/api/trpc/catalog.update', {
    data: { json: { id: productId, priceFen: product.priceFen + 100 } },
  });
  expect(changed.ok(), await changed.text()).toBe(true);
  await changedPage;
  await wedgeScan(page, product.barcodes[0]?.code ?? '');
  await expect(page.getByRole('button', { name: formatFen(product.priceFen + 100, { symbol: true }) })).toBeVisible();
  await expect(page.getByTestId('catalog-size')).toHaveText(`Catalog ${cached}`);
});

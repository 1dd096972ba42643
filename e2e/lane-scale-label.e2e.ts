import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { generateDemoCatalog } from '../db/seed/catalog-data';
import { completeEan13 } from '../server/domain/barcode';
import { buildEmbeddedBarcode, defaultEmbeddedBarcodeLayouts, priceForWeight } from '../server/domain/embedded-barcode';
import { formatFen } from '../server/domain/money';
import { bindLaneDevice } from './support/lane-device';

test.use({ locale: 'en-US' });

/** Opens a lane and signs a cashier in, ready to scan: the one place this file opens a lane. */
async function openLane(page: Page, lane: number, operatorNo: string, password: string) {
  await bindLaneDevice(page, { laneNumber: lane });
  await page.goto(`/lanes/${lane}`);
  await page.getByLabel('Operator number').fill(operatorNo);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Barcode')).toBeVisible();
  await expect(page.getByTestId('catalog-size')).not.toHaveText('Catalog 0');
}

async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** Signs the browser context in at the back office as the store manager (the lane keeps its own session). */
async function managerRequest(page: Page): Promise<APIRequestContext> {
  await page.request.post('/api/trpc/auth.signIn', { data: { json: { operatorNo: '8001', password: 'manager8001' } } });
  return page.request;
}

async function productIdOf(request: APIRequestContext, code: string): Promise<string> {
  const list = await trpcQuery<{ items: { id: string; code: string }[] }>(request, 'catalog.list', { query: code });
  const id = list.items.find((p) => p.code === code)?.id;
  if (!id) throw new Error(`no product ${code}`);
  return id;
}

const onHandOf = async (request: APIRequestContext, id: string) =>
  (await trpcQuery<{ onHand: number }>(request, 'catalog.get', { id })).onHand;

/** A keyboard-wedge scanner: the whole code as a burst of keystrokes, then Enter, wherever focus is. */
async function wedgeScan(page: Page, code: string) {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

const bananas = generateDemoCatalog().find((p) => p.nameEn === 'Bananas' && p.unit === 'kg');
const priceLayout = defaultEmbeddedBarcodeLayouts.find((l) => l.valueKind === 'price');

test('a price label of weighed goods sells its weight: the line, the receipt and the stock ledger show 1.430 kg', async ({
  page,
}) => {
  if (!bananas?.plu || bananas.priceFen !== 690 || !priceLayout) throw new Error('seed catalog lacks ¥6.90/kg bananas');
  const request = await managerRequest(page);
  const productId = await productIdOf(request, bananas.code);
  const before = await onHandOf(request, productId);
  // ¥9.87 of bananas at ¥6.90/kg: 987 × 1000 ÷ 690 = 1430.4 g, rounded half up to 1430 g.
  const label = buildEmbeddedBarcode(priceLayout, bananas.plu, 987);
  expect(label).toBe('2001003009876');

  await openLane(page, 1, '1001', 'cash1001');
  const items = page.getByRole('table', { name: 'Items' });
  await items.click();
  await wedgeScan(page, label);
  const lines = items.locator('tbody tr');
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText('1.430 kg');
  await expect(page.getByTestId('sale-total')).toHaveText('¥9.87');

  await page.getByLabel('Cash given (yuan)').fill('10');
  await page.getByRole('button', { name: 'Cash', exact: true }).click();
  const receipt = page.getByRole('region', { name: 'Receipt' });
  const receiptLine = receipt.getByRole('row').filter({ hasText: bananas.nameZh });
  await expect(receiptLine.getByRole('cell')).toHaveText([`${bananas.nameZh}1.430kg × 6.90/kg`, '9.87']);
  await expect(receipt.getByTestId('receipt-total')).toContainText('¥9.87');
  await expect(receipt.getByTestId('receipt-change')).toContainText('¥0.13');
  const receiptNo = (await receipt.getByTestId('receipt-no').textContent()) ?? '';
  await expect(page.getByText(/waiting to upload/)).toHaveCount(0);

  await expect.poll(() => onHandOf(request, productId)).toBe(before - 1430);
  await page.goto(`/stock/${productId}`);
  const saleRow = page.getByRole('table', { name: 'Stock history' }).getByRole('row').filter({ hasText: receiptNo });
  await expect(saleRow).toContainText('-1.430 kg');
});

test('a weighed product scanned by its own barcode is weighed before it is sold, like its bare PLU', async ({
  page,
}) => {
  const weighed = generateDemoCatalog().find((p) => p.unit === 'kg' && p.code !== bananas?.code);
  if (!weighed) throw new Error('seed catalog lacks a second weighed product');
  const request = await managerRequest(page);
  const productId = await productIdOf(request, weighed.code);
  const barcode = completeEan13(`69${String(Date.now()).slice(-10)}`);
  const added = await request.post('/api/trpc/catalog.addBarcode', {
    data: { json: { productId, barcode: { code: barcode } } },
  });
  expect(added.ok(), await added.text()).toBe(true);
  const before = await onHandOf(request, productId);

  await openLane(page, 1, '1001', 'cash1001');
  const items = page.getByRole('table', { name: 'Items' });
  await items.click();
  await wedgeScan(page, barcode);
  await expect(page.getByLabel('Weight (grams)')).toBeFocused();
  await expect(items.getByText('Scan an item')).toBeVisible();
  await page.getByLabel('Weight (grams)').fill('500');
  await page.getByLabel('Weight (grams)').press('Enter');
  await expect(items.locator('tbody tr').first()).toContainText('0.500 kg');
  const totalFen = priceForWeight(weighed.priceFen, 500);
  await expect(page.getByTestId('sale-total')).toHaveText(`¥${formatFen(totalFen)}`);

  await page.getByLabel('Cash given (yuan)').fill(formatFen(totalFen));
  await page.getByRole('button', { name: 'Cash', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Receipt' })).toBeVisible();
  await expect.poll(() => onHandOf(request, productId)).toBe(before - 500);
});

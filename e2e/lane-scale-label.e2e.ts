import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { generateDemoCatalog } from '../db/seed/catalog-data';
import { buildEmbeddedBarcode, defaultEmbeddedBarcodeLayouts } from '../server/domain/embedded-barcode';
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
  await expect(receiptLine.getByRole('cell')).toHaveText([`${bananas.nameZh}1.430kg × 6.90`, '9.87']);
  await expect(receipt.getByTestId('receipt-total')).toContainText('¥9.87');
  await expect(receipt.getByTestId('receipt-change')).toContainText('¥0.13');
  const receiptNo = (await receipt.getByTestId('receipt-no').textContent()) ?? '';
  await expect(page.getByText(/waiting to upload/)).toHaveCount(0);

  await expect.poll(() => onHandOf(request, productId)).toBe(before - 1430);
  await page.goto(`/stock/${productId}`);
  const saleRow = page.getByRole('table', { name: 'Stock history' }).getByRole('row').filter({ hasText: receiptNo });
  await expect(saleRow).toContainText('-1.430 kg');
});

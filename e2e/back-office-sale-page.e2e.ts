import { expect, test, type APIRequestContext } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { completeEan13 } from '../server/domain/barcode';
import { formatFen } from '../server/domain/money';
import { storeLocalTime } from '../server/domain/store-time';
import { bindLaneDevice } from './support/lane-device';

test.use({ locale: 'en-US' });

const randomDigits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const storeToday = () => storeLocalTime(new Date(), 'Asia/Shanghai').businessDate;

async function trpc<T>(request: APIRequestContext, path: string, input: unknown, mutation = false): Promise<T> {
  const response = mutation
    ? await request.post(`/api/trpc/${path}`, { data: { json: input } })
    : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

test('a sale line in a product’s stock history opens that sale; exports carry the store’s date', async ({ page }) => {
  const request = page.request;
  await trpc(request, 'auth.signIn', { operatorNo: '8001', password: 'manager8001' }, true);
  const code = `SAL-${randomDigits(6)}`;
  const barcode = completeEan13(`468${randomDigits(9)}`);
  const name = `销售链接测试${randomDigits(4)}`;
  const departments = await trpc<{ id: string }[]>(request, 'catalog.departments', undefined);
  const product = await trpc<{ id: string }>(
    request,
    'catalog.create',
    {
      id: uuidv7(),
      code,
      nameZh: name,
      nameEn: `Sale link ${code}`,
      departmentId: departments[0]?.id,
      unit: 'each',
      priceFen: 1_250,
      costFen: 700,
      vatRateBps: 1300,
      plu: null,
      active: true,
      barcodes: [{ code: barcode }],
    },
    true,
  );

  // Sold at a lane, as a cashier would: two scanned, paid in cash.
  await bindLaneDevice(page, { laneNumber: 2 });
  await page.goto('/lanes/2');
  await page.getByLabel('Operator number').fill('1002');
  await page.getByLabel('Password').fill('cash1002');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Barcode')).toBeVisible();
  await expect(page.getByTestId('catalog-size')).not.toHaveText('Catalog 0');
  for (let scan = 0; scan < 2; scan++) {
    await page.getByLabel('Barcode').fill(barcode);
    await page.getByLabel('Barcode').press('Enter');
  }
  await expect(page.getByLabel('Quantity 1')).toHaveValue('2');
  await page.getByLabel('Cash given (yuan)').fill('50');
  await page.getByRole('button', { name: 'Cash', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Receipt' }).getByTestId('receipt-total')).toContainText(
    formatFen(2_500, { symbol: true }),
  );
  await expect(page.getByText(/waiting to upload/)).toHaveCount(0);
  await expect
    .poll(async () => (await trpc<{ items: unknown[] }>(request, 'stock.history', { productId: product.id })).items)
    .toHaveLength(1);

  await page.goto(`/stock/${product.id}`);
  const history = page.getByRole('table', { name: 'Stock history' });
  const saleLink = history.getByRole('link', { name: /^Sale receipt \d{2}-\d{8}-\d{9}$/ });
  await expect(saleLink).toHaveCount(1);
  const receiptNo = (await saleLink.textContent())?.replace('Sale receipt ', '') ?? '';
  await saleLink.click();

  await expect(page).toHaveURL(/\/sales\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: `Sale receipt ${receiptNo}` })).toBeVisible();
  await expect(page.getByTestId('sold-at')).toContainText(
    new Date().toLocaleDateString('en-US', { timeZone: 'Asia/Shanghai' }),
  );
  const line = page.getByRole('table', { name: 'Receipt lines' }).getByRole('row', { name: new RegExp(code) });
  await expect(line).toContainText('Sale link');
  await expect(line.getByRole('cell').nth(1)).toHaveText('2');
  await expect(line.getByRole('cell').nth(6)).toHaveText(formatFen(2_500, { symbol: true }));
  await expect(page.getByRole('table', { name: 'Tenders' })).toContainText(formatFen(5_000, { symbol: true }));
  await expect(page.getByTestId('sale-total')).toHaveText(formatFen(2_500, { symbol: true }));
  await line.getByRole('link', { name: /Sale link/ }).click();
  await expect(page).toHaveURL(new RegExp(`/stock/${product.id}$`));

  // Files handed out are named with the store's code and its own date.
  await page.goto('/products');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Excel' }).click();
  expect((await downloading).suggestedFilename()).toBe(`catalog-SH001-${storeToday()}.xlsx`);
  await page.goto(`/products/labels?ids=${product.id}`);
  await expect(page).toHaveTitle(`labels-SH001-${storeToday()}`);
});

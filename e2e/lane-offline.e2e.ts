import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { generateDemoCatalog } from '../db/seed/catalog-data';
import { formatFen } from '../server/domain/money';
import { bindLaneDevice } from './support/lane-device';

test.use({ locale: 'en-US' });

const product = generateDemoCatalog().filter((p) => p.unit === 'each' && p.barcodes.length > 0)[30];

async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** Whether the lane's worker holds this page and every build asset the page loaded. */
async function laneCachedForOffline(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    if (!navigator.serviceWorker.controller) return false;
    if (!(await caches.match(location.pathname, { ignoreVary: true }))) return false;
    const assets = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => new URL(name).pathname.startsWith('/_next/static/'));
    const found = await Promise.all(assets.map((asset) => caches.match(asset)));
    return assets.length > 0 && found.every(Boolean);
  });
}

test('a lane reloaded with the network down opens from cache, keeps its cashier and sells for cash; back online the sale lands once', async ({
  page,
  context,
}) => {
  if (!product) throw new Error('seed catalog lacks products');
  const request = page.request;
  await request.post('/api/trpc/auth.signIn', { data: { json: { operatorNo: '8001', password: 'manager8001' } } });
  const list = await trpcQuery<{ items: { id: string; code: string }[] }>(request, 'catalog.list', {
    query: product.code,
  });
  const productId = list.items.find((p) => p.code === product.code)?.id;
  if (!productId) throw new Error(`no product ${product.code}`);
  const onHand = async () => (await trpcQuery<{ onHand: number }>(request, 'catalog.get', { id: productId })).onHand;
  const before = await onHand();

  await bindLaneDevice(page, { laneNumber: 3 });
  await page.goto('/lanes/3');
  await page.getByLabel('Operator number').fill('7001');
  await page.getByLabel('Password').fill('super7001');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Barcode')).toBeVisible();
  await expect(page.getByTestId('catalog-size')).not.toHaveText('Catalog 0');
  const connection = page.getByRole('status', { name: 'connection' });
  await expect(connection).toHaveText('Online');
  await expect.poll(() => laneCachedForOffline(page), { timeout: 20_000 }).toBe(true);

  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('the lane service worker is not running');
  await context.setOffline(true);
  // The worker's own requests are cut too: the reload is answered from its cache, not the network.
  expect(
    await worker.evaluate(() =>
      fetch('/api/health').then(
        () => 'reached',
        () => 'no network',
      ),
    ),
  ).toBe('no network');
  await page.reload();
  await expect(page.getByLabel('Barcode')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('李主管');
  await expect(connection).toHaveText('Offline', { timeout: 5_000 });

  await page.getByLabel('Barcode').fill(product.barcodes[0]?.code ?? '');
  await page.getByLabel('Barcode').press('Enter');
  await expect(page.getByTestId('sale-total')).toHaveText(formatFen(product.priceFen, { symbol: true }));
  await page
    .getByRole('button', { name: formatFen(product.priceFen, { symbol: true }) })
    .first()
    .click();
  const receipt = page.getByRole('region', { name: 'Receipt' });
  await expect(receipt.getByTestId('receipt-total')).toContainText(formatFen(product.priceFen, { symbol: true }));
  const receiptNo = await receipt.getByTestId('receipt-no').innerText();
  await expect(page.getByText(/^1 sales? waiting to upload$/)).toBeVisible();

  await context.setOffline(false);
  await expect(connection).toHaveText('Online', { timeout: 10_000 });
  await expect(page.getByText(/waiting to upload/)).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(onHand).toBe(before - 1);
  // Online again, the page comes from the network through the worker.
  await page.reload();
  await expect(page.getByLabel('Barcode')).toBeVisible();
  await expect(connection).toHaveText('Online');
  await page.goto(`/stock/${productId}`);
  const saleRows = page.getByRole('table', { name: 'Stock history' }).getByRole('row').filter({ hasText: receiptNo });
  await expect(saleRows).toHaveCount(1);
});

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { generateDemoCatalog } from '../db/seed/catalog-data';
import { formatFen } from '../server/domain/money';
import { bindLaneDevice } from './support/lane-device';

test.use({ locale: 'en-US' });

const counted = generateDemoCatalog().filter((p) => p.unit === 'each' && p.barcodes.length > 0);

async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function trpcMutation(request: APIRequestContext, path: string, input: unknown): Promise<void> {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
}

async function signInAsManager(request: APIRequestContext): Promise<void> {
  await trpcMutation(request, 'auth.signIn', { operatorNo: '8001', password: 'manager8001' });
}

async function onHandOf(request: APIRequestContext, code: string): Promise<number> {
  const list = await trpcQuery<{ items: { id: string; code: string }[] }>(request, 'catalog.list', { query: code });
  const id = list.items.find((p) => p.code === code)?.id;
  if (!id) throw new Error(`no product ${code}`);
  return (await trpcQuery<{ onHand: number }>(request, 'catalog.get', { id })).onHand;
}

/** A demo product with nothing on hand (other test files may have received stock for some). */
async function productWithoutStock(request: APIRequestContext) {
  for (const product of [...counted].reverse()) {
    if ((await onHandOf(request, product.code)) <= 0) return product;
  }
  throw new Error('every demo product has stock');
}

async function setPolicy(page: Page, option: string): Promise<void> {
  await page.goto('/settings');
  const policy = page.getByLabel('Selling below zero stock');
  await policy.selectOption({ label: option });
  const saved = page.waitForResponse((response) => response.url().includes('store.update') && response.ok());
  await page.getByRole('button', { name: 'Save store settings' }).click();
  await saved;
  await page.reload();
  await expect(page.getByLabel('Selling below zero stock')).toHaveValue(option.startsWith('Block') ? 'block' : 'allow');
}

test('with the store blocking negative stock, a scan beyond stock waits for a supervisor at the lane', async ({
  page,
}) => {
  await signInAsManager(page.request);
  await setPolicy(page, 'Block at the lane, supervisor may approve');
  try {
    const product = await productWithoutStock(page.request);
    const before = await onHandOf(page.request, product.code);
    const barcode = product.barcodes[0]?.code ?? '';

    await bindLaneDevice(page, { laneNumber: 2 });
    await page.goto('/lanes/2');
    await page.getByLabel('Operator number').fill('1002');
    await page.getByLabel('Password').fill('cash1002');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Barcode')).toBeVisible();
    await expect(page.getByTestId('catalog-size')).not.toHaveText('Catalog 0');
    const lines = page.getByRole('table', { name: 'Items' }).locator('tbody tr');
    const approval = page.getByRole('form', { name: 'Not enough stock: supervisor approval' });

    // Turned down: nothing is added.
    await page.getByLabel('Barcode').fill(barcode);
    await page.getByLabel('Barcode').press('Enter');
    await expect(approval).toBeVisible();
    await expect(approval).toContainText(`${product.nameZh}: ${before} on hand, this sale would take 1`);
    await approval.getByRole('button', { name: 'Back' }).click();
    await expect(approval).toBeHidden();
    await expect(page.getByText(`${product.nameZh} is out of stock and was not added`)).toBeVisible();
    await expect(lines).toHaveText(['Scan an item']);

    // A cashier's own credentials do not approve; the supervisor's do, and the line is added.
    await page.getByLabel('Barcode').fill(barcode);
    await page.getByLabel('Barcode').press('Enter');
    await approval.getByLabel('Supervisor operator number').fill('1002');
    await approval.getByLabel('Supervisor password').fill('cash1002');
    await approval.getByRole('button', { name: 'Confirm' }).click();
    await expect(approval.getByRole('alert')).toBeVisible();
    await approval.getByLabel('Supervisor operator number').fill('7001');
    await approval.getByLabel('Supervisor password').fill('super7001');
    await approval.getByRole('button', { name: 'Confirm' }).click();
    await expect(approval).toBeHidden();
    await expect(lines).toHaveCount(1);
    await expect(lines.first()).toContainText(product.nameZh);
    await expect(page.getByTestId('sale-total')).toHaveText(formatFen(product.priceFen, { symbol: true }));

    await page.getByLabel('Cash given (yuan)').fill(formatFen(product.priceFen));
    await page.getByRole('button', { name: 'Cash', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Next customer' })).toBeVisible();

    await expect.poll(() => onHandOf(page.request, product.code)).toBe(before - 1);
    const audit = await trpcQuery<{ items: { action: string; summary: string; approverName: string | null }[] }>(
      page.request,
      'audit.list',
      { entityType: 'sale' },
    );
    expect(
      audit.items.find((row) => row.action === 'sale.negative-stock-approved' && row.summary.includes(product.nameZh)),
    ).toMatchObject({ approverName: '李主管' });
  } finally {
    await signInAsManager(page.request);
    await trpcMutation(page.request, 'store.update', { negativeStockPolicy: 'allow' });
  }
});

test('the lane counts its own sale at once: the last unit cannot be sold twice before the next stock download', async ({
  page,
}) => {
  await signInAsManager(page.request);
  const product = await productWithoutStock(page.request);
  const list = await trpcQuery<{ items: { id: string; code: string }[] }>(page.request, 'catalog.list', {
    query: product.code,
  });
  const productId = list.items.find((p) => p.code === product.code)?.id ?? '';
  const adjustTo = async (target: number) => {
    const delta = target - (await onHandOf(page.request, product.code));
    if (delta === 0) return;
    const lines = [{ productId, quantityDelta: delta }];
    await trpcMutation(page.request, 'stock.adjust', {
      id: crypto.randomUUID(),
      reason: 'correction',
      note: 'e2e',
      lines,
    });
  };
  await adjustTo(0);
  await setPolicy(page, 'Block at the lane, supervisor may approve');
  try {
    await bindLaneDevice(page, { laneNumber: 2 });
    await page.goto('/lanes/2');
    await page.getByLabel('Operator number').fill('1002');
    await page.getByLabel('Password').fill('cash1002');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Barcode')).toBeVisible();
    const barcode = product.barcodes[0]?.code ?? '';
    const approval = page.getByRole('form', { name: 'Not enough stock: supervisor approval' });
    const lines = page.getByRole('table', { name: 'Items' }).locator('tbody tr');
    /** Scans the product: true if it was added, false if the lane asked for approval (turned down). */
    const scanAdds = async () => {
      await page.getByLabel('Barcode').fill(barcode);
      await page.getByLabel('Barcode').press('Enter');
      await expect(approval.or(lines.filter({ hasText: product.nameZh }))).toBeVisible();
      if (!(await approval.isVisible())) return true;
      await approval.getByRole('button', { name: 'Back' }).click();
      return false;
    };
    // Each sync downloads stock before the catalog: once the catalog is in, the lane knows there is none.
    await expect(page.getByTestId('catalog-size')).not.toHaveText('Catalog 0');
    expect(await scanAdds()).toBe(false);
    // A stock download later, the one unit that arrived can be sold.
    await adjustTo(1);
    await expect.poll(scanAdds, { timeout: 30_000, intervals: [1_000] }).toBe(true);
    await page.getByLabel('Cash given (yuan)').fill(formatFen(product.priceFen));
    await page.getByRole('button', { name: 'Cash', exact: true }).click();
    await page.getByRole('button', { name: 'Next customer' }).click();

    // Straight away, well before the server's new figure could reach the lane.
    expect(await scanAdds()).toBe(false);
  } finally {
    await signInAsManager(page.request);
    await trpcMutation(page.request, 'store.update', { negativeStockPolicy: 'allow' });
  }
});

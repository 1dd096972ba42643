import { expect, test } from '@playwright/test';
import { generateDemoCatalog } from '../db/seed/catalog-data';
import { formatFen } from '../server/domain/money';
import { bindLaneDevice } from './support/lane-device';

test.use({ locale: 'en-US' });

// Amounts ending in 51, 55, 54, 91, 98 or 97 pick the simulator's failing test cards.
const FAILING_ENDINGS = [51, 55, 54, 91, 98, 97];
const product = generateDemoCatalog().find(
  (p) =>
    p.unit === 'each' && p.barcodes.length > 1 && p.priceFen > 3_000 && !FAILING_ENDINGS.includes(p.priceFen % 100),
);
// Lane 1's simulated terminal listens on MISPOS_SIM_PORT (E2E_PORT + 100), its control interface on the next port.
const laneOneControl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 101}`;

test('a payment the manager settled as failed but the bank approved is corrected onto the exceptions list, marked', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  if (!product) throw new Error('seed catalog lacks products');
  const price = formatFen(product.priceFen, { symbol: true });
  await bindLaneDevice(page, { laneNumber: 1 });
  await page.goto('/lanes/1');
  await page.getByLabel('Operator number').fill('1001');
  await page.getByLabel('Password').fill('cash1001');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('catalog-size')).not.toHaveText('Catalog 0');
  await page.getByLabel('Barcode').fill(product.barcodes[1]?.code ?? '');
  await page.getByLabel('Barcode').press('Enter');
  await expect(page.getByTestId('sale-total')).toHaveText(price);

  // The bank approves, the terminal's answer is lost, and every query is answered "busy" for now.
  const control = (method: 'post' | 'delete', path: string, data?: unknown) =>
    page.request[method](`${laneOneControl}${path}`, { data }).then(async (r) =>
      expect(r.ok(), await r.text()).toBe(true),
    );
  await control('post', '/pinpad', { wait: true });
  await page.getByRole('button', { name: 'Pay by card' }).click();
  const card = page.getByRole('form', { name: 'Card' });
  await expect(card.getByRole('status')).toContainText('请输入密码');
  await control('post', '/faults', { dropConnection: {}, busy: { untilCleared: true } });
  await control('post', '/pinpad', { wait: false });
  await expect(card.getByRole('alert')).toContainText('Card outcome unknown', { timeout: 30_000 });

  // The manager believes the customer's phone: no charge.
  const manager = await browser.newContext({ baseURL, locale: 'en-US' });
  const back = await manager.newPage();
  await back.goto('/sign-in');
  await back.getByLabel('Operator number').fill('8001');
  await back.getByLabel('Password').fill('manager8001');
  await back.getByRole('button', { name: 'Sign in' }).click();
  await expect(back).toHaveURL(/\/products$/);
  await back.goto('/cards');
  const unresolved = back.getByRole('table', { name: 'Card payments of unknown outcome' });
  const row = unresolved.getByRole('row').filter({ hasText: price });
  await row.getByRole('textbox', { name: /^Note / }).fill("The customer's phone shows no charge");
  await row.getByRole('button', { name: /^Failed/ }).click();
  await expect(row).toHaveCount(0);

  await expect(card).toContainText('did not charge the card', { timeout: 15_000 });
  await page.getByLabel('Cash given (yuan)').fill(formatFen(product.priceFen));
  await page.getByRole('button', { name: 'Cash', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Receipt' }).getByTestId('receipt-total')).toContainText(price);
  await page.getByRole('button', { name: 'Next customer' }).click();

  // The terminal answers again: the resolver's next query finds the approval and overrules the manager.
  await control('delete', '/faults/busy');
  const exceptions = back.getByRole('table', { name: 'Approved, not on any sale' });
  const corrected = exceptions
    .getByRole('row')
    .filter({ hasText: 'Settled as failed by 王店长, the bank approved it' });
  await expect
    .poll(
      async () => {
        await back.reload();
        await expect(exceptions).toBeVisible();
        return corrected.count();
      },
      { timeout: 120_000, intervals: [3_000] },
    )
    .toBe(1);
  await expect(corrected).toContainText(price);

  // Given back, so the day can balance again.
  await corrected.getByRole('button', { name: /^Refund to card/ }).click();
  await expect
    .poll(
      async () => {
        await back.reload();
        await expect(exceptions).toBeVisible();
        return corrected.count();
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(0);
  await manager.close();
  await control('delete', '/faults');
});

import { expect, test, type APIRequestContext } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { generateDemoCatalog } from '../db/seed/catalog-data';
import { formatFen } from '../server/domain/money';
import { bindLaneDevice } from './support/lane-device';

test.use({ locale: 'en-US' });

// Amounts ending in 51, 55, 54, 91, 98 or 97 pick the simulator's failing test cards.
const FAILING_ENDINGS = [51, 55, 54, 91, 98, 97];
const product = generateDemoCatalog().find(
  (p) =>
    p.unit === 'each' && p.barcodes.length > 0 && p.priceFen > 3_000 && !FAILING_ENDINGS.includes(p.priceFen % 100),
);

async function trpc<T>(request: APIRequestContext, path: string, input: unknown, mutation = false): Promise<T> {
  const response = mutation
    ? await request.post(`/api/trpc/${path}`, { data: { json: input } })
    : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

test('the manager attaches a card approval on no sale to the open sale on lane 1; the cashier adds it and the sale completes by card', async ({
  page,
  browser,
  baseURL,
}) => {
  if (!product) throw new Error('seed catalog lacks products');
  const price = formatFen(product.priceFen, { symbol: true });

  // Lane 2's terminal approves a card sale that no sale of the lane took (as when the lane lost its sale): the
  // customer is charged for nothing.
  const laneTwo = await browser.newContext({ baseURL, locale: 'en-US' });
  const laneTwoPage = await laneTwo.newPage();
  await bindLaneDevice(laneTwoPage, { laneNumber: 2 });
  const laneTwoState = await trpc<{ lane: { id: string } }>(laneTwo.request, 'lane.state', undefined);
  const { shift } = await trpc<{ shift: { id: string } }>(
    laneTwo.request,
    'lane.signIn',
    {
      operatorNo: '1002',
      password: 'cash1002',
      laneId: laneTwoState.lane.id,
      shiftId: uuidv7(),
      openingFloatFen: 50_000,
    },
    true,
  );
  const paymentId = uuidv7();
  await trpc(
    laneTwo.request,
    'lane.startCardPayment',
    {
      paymentId,
      laneId: laneTwoState.lane.id,
      shiftId: shift.id,
      saleId: null,
      kind: 'sale',
      amountFen: product.priceFen,
    },
    true,
  );
  await expect
    .poll(async () => (await trpc<{ state: string }>(laneTwo.request, 'lane.cardPayment', { paymentId })).state, {
      timeout: 20_000,
    })
    .toBe('approved');
  const { cardNoMasked } = await trpc<{ cardNoMasked: string }>(laneTwo.request, 'lane.cardPayment', { paymentId });
  await laneTwo.close();

  // Lane 1 has the customer's sale open.
  await bindLaneDevice(page, { laneNumber: 1 });
  await page.goto('/lanes/1');
  await page.getByLabel('Operator number').fill('1001');
  await page.getByLabel('Password').fill('cash1001');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('catalog-size')).not.toHaveText('Catalog 0');
  await page.getByLabel('Barcode').fill(product.barcodes[0]?.code ?? '');
  await page.getByLabel('Barcode').press('Enter');
  await expect(page.getByTestId('sale-total')).toHaveText(price);

  const manager = await browser.newContext({ baseURL, locale: 'en-US' });
  const back = await manager.newPage();
  await back.goto('/sign-in');
  await back.getByLabel('Operator number').fill('8001');
  await back.getByLabel('Password').fill('manager8001');
  await back.getByRole('button', { name: 'Sign in' }).click();
  await expect(back).toHaveURL(/\/products$/);
  await back.goto('/cards');
  const unattached = back.getByRole('table', { name: 'Approved, not on any sale' });
  const row = unattached.getByRole('row').filter({ hasText: cardNoMasked }).filter({ hasText: price });
  await expect(row).toContainText(price);
  const laneField = row.getByRole('textbox', { name: /^Lane / });
  await expect(laneField).toHaveValue('2');
  await laneField.fill('1');
  await row.getByRole('button', { name: /^Attach to the open sale on lane/ }).click();
  await expect(row.getByRole('status')).toContainText('Sent to lane 1');

  // The lane, asking while its sale is open, shows the offer; the cashier adds it.
  const card = page.getByRole('form', { name: 'Card' });
  const offer = card.getByRole('group', { name: /The manager attached a card payment/ });
  await expect(offer).toContainText(
    `The manager attached a card payment of ${price} (card ****${cardNoMasked.slice(-4)}). Add it to this sale?`,
    { timeout: 15_000 },
  );
  await offer.getByRole('button', { name: 'Add', exact: true }).click();

  const receipt = page.getByRole('region', { name: 'Receipt' });
  await expect(receipt.getByTestId('receipt-total')).toContainText(price, { timeout: 15_000 });
  // The demo store prints its receipts in Chinese (store setting), whatever the cashier's screen speaks.
  await expect(receipt.locator('p').filter({ hasText: /^银行卡\d/ })).toHaveCount(1);
  await expect(receipt.locator('p').filter({ hasText: /^现金\d/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Next customer' }).click();
  await expect(page.getByText(/waiting to upload|refused/)).toHaveCount(0);

  // Claimed by the sale's card tender: no longer an exception.
  await expect(async () => {
    await back.reload();
    await expect(unattached.getByRole('row').filter({ hasText: cardNoMasked })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await manager.close();
});

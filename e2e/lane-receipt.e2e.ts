import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { generateDemoCatalog } from '../db/seed/catalog-data';
import { formatFen } from '../server/domain/money';
import { bindLaneDevice } from './support/lane-device';

// The cashier's screen speaks English and the lane machine's clock is in Los Angeles; the store is in Shanghai.
test.use({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });

const counted = generateDemoCatalog().filter((p) => p.unit === 'each' && p.barcodes.length > 0 && p.nameEn);

async function trpcMutation(request: APIRequestContext, path: string, input: unknown): Promise<void> {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
}

async function signInAtLane(page: Page) {
  await bindLaneDevice(page, { laneNumber: 1 });
  await page.goto('/lanes/1');
  await page.getByLabel('Operator number').fill('1001');
  await page.getByLabel('Password').fill('cash1001');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Barcode')).toBeVisible();
  await expect(page.getByTestId('catalog-size')).not.toHaveText('Catalog 0');
}

/** Two of a product with 5 % off the line (within the cashier's limit), paid exactly in cash; returns the figures. */
async function sellTwoWithLineDiscount(page: Page, product: (typeof counted)[number]) {
  for (let scan = 0; scan < 2; scan++) {
    await page.getByLabel('Barcode').fill(product.barcodes[0]?.code ?? '');
    await page.getByLabel('Barcode').press('Enter');
  }
  await expect(page.getByLabel('Quantity 1')).toHaveValue('2');
  await page.getByRole('button', { name: 'Line discount 1' }).click();
  const dialog = page.getByRole('form', { name: 'Discount line 1' });
  await dialog.getByLabel('Discount (%)').fill('5');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const grossFen = 2 * product.priceFen;
  const discountFen = Math.round((grossFen * 5) / 100);
  const totalFen = grossFen - discountFen;
  await expect(page.getByTestId('sale-total')).toHaveText(formatFen(totalFen, { symbol: true }));
  await page
    .getByRole('button', { name: formatFen(totalFen, { symbol: true }) })
    .first()
    .click();
  return { grossFen, discountFen, totalFen };
}

/** The store-local time the receipt number was made from: 01-20261121-093015123 → 2026-11-21 09:30:15. */
function timeOfReceiptNo(receiptNo: string): string {
  const match = /^\d{2}-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\d{3}$/.exec(receiptNo);
  if (!match) throw new Error(`not a receipt number: ${receiptNo}`);
  const [, year, month, day, hour, minute, second] = match;
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

test('the receipt shows the line discount under its line, the store’s time, in the store’s receipt language', async ({
  page,
}) => {
  const [first, second] = counted;
  if (!first || !second) throw new Error('seed catalog lacks products');
  await signInAtLane(page);

  // The store prints in Chinese (the default), whatever the cashier's screen speaks.
  const sold = await sellTwoWithLineDiscount(page, first);
  const receipt = page.getByRole('region', { name: 'Receipt' });
  // Soft: each defect (no discount, the machine's time) is reported on its own.
  const line = receipt.getByRole('row').filter({ hasText: first.nameZh });
  await expect
    .soft(line.getByRole('cell'))
    .toHaveText([`${first.nameZh}2 × ${formatFen(first.priceFen)}`, formatFen(sold.grossFen)]);
  await expect
    .soft(receipt.getByTestId('receipt-line-discount').getByRole('cell'))
    .toHaveText(['折扣', `-${formatFen(sold.discountFen)}`]);
  await expect
    .soft(receipt.getByTestId('receipt-total'))
    .toHaveText(`合计${formatFen(sold.totalFen, { symbol: true })}`);
  const receiptNo = await receipt.getByTestId('receipt-no').innerText();
  await expect.soft(receipt).toContainText(`时间 ${timeOfReceiptNo(receiptNo)}`);
  await page.getByRole('button', { name: 'Next customer' }).click();

  // The store manager chooses English receipts in store settings; the lane picks it up when it next opens.
  await trpcMutation(page.request, 'auth.signIn', { operatorNo: '8001', password: 'manager8001' });
  await page.goto('/settings');
  await page.getByLabel('Receipt language').selectOption({ label: 'English' });
  const saved = page.waitForResponse((response) => response.url().includes('store.update') && response.ok());
  await page.getByRole('button', { name: 'Save store settings' }).click();
  await saved;
  try {
    await page.goto('/lanes/1');
    await expect(page.getByLabel('Barcode')).toBeVisible();
    const soldInEnglish = await sellTwoWithLineDiscount(page, second);
    const englishLine = receipt.getByRole('row').filter({ hasText: second.nameEn });
    await expect(englishLine.getByRole('cell')).toHaveText([
      `${second.nameEn}2 × ${formatFen(second.priceFen)}`,
      formatFen(soldInEnglish.grossFen),
    ]);
    await expect(receipt.getByTestId('receipt-line-discount').getByRole('cell')).toHaveText([
      'Discount',
      `-${formatFen(soldInEnglish.discountFen)}`,
    ]);
    await expect(receipt.getByTestId('receipt-total')).toHaveText(
      `Total${formatFen(soldInEnglish.totalFen, { symbol: true })}`,
    );
    const englishNo = await receipt.getByTestId('receipt-no').innerText();
    await expect(receipt.getByTestId('receipt-time')).toHaveText(`Time ${timeOfReceiptNo(englishNo)}`);
    await page.getByRole('button', { name: 'Next customer' }).click();
    await expect(page.getByText(/waiting to upload|refused/)).toHaveCount(0);
  } finally {
    await trpcMutation(page.request, 'store.update', { receiptLanguage: 'zh-CN' });
  }
});

import { expect, test } from '@playwright/test';
import { generateDemoCatalog } from '../db/seed/catalog-data';
import { fakeCameraVideo } from './support/fake-camera';
import { bindLaneDevice } from './support/lane-device';

const product = generateDemoCatalog().find((p) => p.unit === 'each' && p.barcodes[0]?.kind === 'ean13');
const code = product?.barcodes[0]?.code ?? '';
const video = fakeCameraVideo(code);

test.use({
  locale: 'en-US',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  },
});

test('the camera reads an EAN-13 and adds the item', async ({ page, context }) => {
  await context.grantPermissions(['camera']);
  // Cashier 1002 holds lane 2 in the other lane tests; one cashier per lane.
  await bindLaneDevice(page, { laneNumber: 2 });
  await page.goto('/lanes/2');
  await page.getByLabel('Operator number').fill('1002');
  await page.getByLabel('Password').fill('cash1002');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Barcode')).toBeVisible();
  await expect(page.getByTestId('catalog-size')).not.toHaveText('Catalog 0');
  await page.getByRole('button', { name: 'Camera scan' }).click();
  const lines = page.getByRole('table', { name: 'Items' }).locator('tbody tr');
  await expect(lines.first()).toContainText(product?.nameZh ?? '?', { timeout: 20_000 });
  await expect(lines.first()).toContainText(code);
  await expect(page.getByRole('region', { name: 'Camera scan' })).toHaveCount(0);
});

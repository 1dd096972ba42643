import { expect, test, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { completeEan13 } from '../server/domain/barcode';

const randomDigits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

async function signIn(page: Page, operatorNo: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('工号').fill(operatorNo);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/products$/);
}

async function trpc<T>(page: Page, path: string, input: unknown, kind: 'query' | 'mutation'): Promise<T> {
  const response =
    kind === 'query'
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A product of our own, so what other tests sold or received cannot change its figures. */
async function newProduct(page: Page, departmentId: string, nameZh: string) {
  const barcode = completeEan13(`469${randomDigits(9)}`);
  const code = `RCV-${randomDigits(7)}`;
  await trpc(
    page,
    'catalog.create',
    {
      id: uuidv7(),
      code,
      nameZh,
      nameEn: `Receiving ${code}`,
      departmentId,
      unit: 'each',
      priceFen: 500,
      costFen: 250,
      vatRateBps: 1300,
      plu: null,
      active: true,
      barcodes: [{ code: barcode }],
    },
    'mutation',
  );
  return { code, barcode, nameZh };
}

test('a store manager orders two products, receives part of the delivery and sees what is still open', async ({
  page,
}) => {
  const suffix = randomDigits(6);
  await signIn(page, '8001', 'manager8001');
  const departments = await trpc<{ id: string }[]>(page, 'catalog.departments', undefined, 'query');
  const departmentId = departments[0]?.id ?? '';
  const cola = await newProduct(page, departmentId, `收货测试可乐${suffix}`);
  const chips = await newProduct(page, departmentId, `收货测试薯片${suffix}`);

  await page.getByRole('link', { name: '收货', exact: true }).click();
  await page.getByRole('link', { name: '供应商' }).click();
  await page.getByLabel('供应商编码').fill(`E2E${suffix}`);
  await page.getByLabel('供应商名称').fill(`测试供应商${suffix}`);
  await page.getByRole('button', { name: '添加供应商' }).click();
  await expect(page.getByRole('table', { name: '供应商' })).toContainText(`测试供应商${suffix}`);

  await page.goto('/receiving');
  await page.getByRole('link', { name: '新建采购单' }).click();
  await page.getByLabel('供应商').selectOption({ label: `E2E${suffix} 测试供应商${suffix}` });
  // As the form says: scanning the same product again adds 1; picking it from the search keeps its quantity.
  const orderScan = page.getByLabel('扫码或输入条码/编码');
  await orderScan.fill(cola.barcode);
  await orderScan.press('Enter');
  await expect(page.getByLabel(`数量 ${cola.nameZh}`)).toHaveValue('1');
  await orderScan.fill(cola.barcode);
  await orderScan.press('Enter');
  await expect(page.getByLabel(`数量 ${cola.nameZh}`)).toHaveValue('2');
  await page.getByRole('searchbox', { name: '搜索商品' }).fill(cola.code);
  await page.getByRole('button', { name: `添加 ${cola.nameZh}` }).click();
  await expect(page.getByLabel(`数量 ${cola.nameZh}`)).toHaveValue('2');
  for (const [product, quantity] of [
    [cola, '10'],
    [chips, '6'],
  ] as const) {
    await page.getByRole('searchbox', { name: '搜索商品' }).fill(product.code);
    await page.getByRole('button', { name: `添加 ${product.nameZh}` }).click();
    await page.getByLabel(`数量 ${product.nameZh}`).fill(quantity);
  }
  await page.getByLabel(`单价 ${chips.nameZh}`).fill('3.20');
  await expect(page.getByRole('table', { name: '采购明细' })).toContainText('¥44.20');
  await page.getByRole('button', { name: '创建采购单' }).click();
  await expect(page).toHaveURL(/\/receiving\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel('状态')).toHaveText('未结');
  const orderUrl = page.url();

  await page.getByRole('link', { name: '按此采购单收货' }).click();
  await expect(page).toHaveURL(/\/receiving\/new\?po=/);
  const onHandBefore = Number(await page.getByLabel(`现有库存 ${cola.nameZh}`).textContent());
  const scan = page.getByLabel('扫码或输入条码/编码');
  await scan.fill(cola.barcode);
  await scan.press('Enter');
  await expect(page.getByLabel(`数量 ${cola.nameZh}`)).toHaveValue('1');
  await scan.fill(cola.barcode);
  await scan.press('Enter');
  await expect(page.getByLabel(`数量 ${cola.nameZh}`)).toHaveValue('2');
  await page.getByLabel(`数量 ${chips.nameZh}`).fill('4');
  await page.getByLabel('供应商单据号').fill(`DN-${suffix}`);
  await expect(page.getByLabel('合计', { exact: true })).toHaveText('¥17.80');
  await page.getByRole('button', { name: '确认收货' }).click();

  await expect(page).toHaveURL(/\/receiving\/receipts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('table', { name: '收货明细' })).toContainText('¥17.80');
  await page.goto(orderUrl);
  await expect(page.getByLabel('状态')).toHaveText('未结');
  const lines = page.getByRole('table', { name: '采购明细' });
  // Columns: product, ordered, received, open, unit cost, value, on hand.
  const colaCells = lines.getByRole('row', { name: new RegExp(cola.nameZh) }).getByRole('cell');
  await expect(colaCells.nth(1)).toHaveText('10');
  await expect(colaCells.nth(2)).toHaveText('2');
  await expect(colaCells.nth(3)).toHaveText('8');
  await expect(colaCells.nth(6)).toHaveText(String(onHandBefore + 2));
  const chipsCells = lines.getByRole('row', { name: new RegExp(chips.nameZh) }).getByRole('cell');
  await expect(chipsCells.nth(2)).toHaveText('4');
  await expect(chipsCells.nth(3)).toHaveText('2');

  await page.getByRole('link', { name: '收货', exact: true }).click();
  const orderRow = page
    .getByRole('table', { name: '采购单' })
    .getByRole('row', { name: new RegExp(`测试供应商${suffix}`) });
  await expect(orderRow).toContainText('未结');
  await expect(orderRow).toContainText('2 / 2 行未收齐');
});

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
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

async function call<T>(
  request: APIRequestContext,
  path: string,
  input: unknown,
  kind: 'query' | 'mutation',
): Promise<T> {
  const response =
    kind === 'query'
      ? await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!response.ok() || !body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

test('a store manager counts a department by scanner and by entry, sees the variance and applies it', async ({
  page,
}) => {
  await signIn(page, '8001', 'manager8001');
  const request = page.request;
  const departments = await call<{ id: string; nameZh: string }[]>(request, 'catalog.departments', undefined, 'query');
  const drinks = departments.find((d) => d.nameZh === '饮料');
  if (!drinks) throw new Error('no drinks department');

  const tag = randomDigits(6);
  const make = (label: string) => ({
    id: uuidv7(),
    code: `E2E-ST-${label}-${tag}`,
    nameZh: `盘点测试${label}${tag}`,
    nameEn: `Count test ${label} ${tag}`,
    departmentId: drinks.id,
    unit: 'each',
    priceFen: 500,
    costFen: 320,
    vatRateBps: 1300,
    plu: null,
    active: true,
    barcodes: [{ code: completeEan13(`472${randomDigits(9)}`) }],
  });
  const scanned = make('A');
  const typed = make('B');
  for (const product of [scanned, typed]) await call(request, 'catalog.create', product, 'mutation');

  // Stock to count against: a first count of the same department, applied over HTTP.
  const setup = uuidv7();
  await call(request, 'stocktakes.start', { id: setup, scope: 'department', departmentId: drinks.id }, 'mutation');
  for (const [product, quantity] of [
    [scanned, 3],
    [typed, 6],
  ] as const) {
    await call(
      request,
      'stocktakes.count',
      { stocktakeId: setup, entryId: uuidv7(), productId: product.id, quantity },
      'mutation',
    );
  }
  await call(request, 'stocktakes.applyCount', { stocktakeId: setup, adjustmentId: uuidv7() }, 'mutation');

  await page.getByRole('link', { name: '盘点', exact: true }).click();
  await page.getByRole('link', { name: '新建盘点' }).click();
  await page.getByLabel('按部门盘点').check();
  await page.getByLabel('部门', { exact: true }).selectOption({ label: '饮料' });
  await page.getByRole('button', { name: '开始盘点' }).click();
  await expect(page).toHaveURL(/\/stocktakes\/[0-9a-f-]{36}$/);

  // A wedge scanner types the barcode and Enter, once per item on the shelf.
  const codeField = page.getByLabel('条码或商品编码');
  const status = page.getByRole('status');
  for (let n = 1; n <= 3; n++) {
    await codeField.pressSequentially(scanned.barcodes[0]?.code ?? '');
    await codeField.press('Enter');
    await expect(status).toHaveText(`已记录 ${scanned.nameZh}：1，合计 ${n}`);
  }
  await codeField.fill(typed.code);
  await page.getByLabel('数量', { exact: true }).fill('5');
  await page.getByRole('button', { name: '记录' }).click();
  await expect(status).toHaveText(`已记录 ${typed.nameZh}：5，合计 5`);
  const mine = page.getByRole('list', { name: '我的记录' });
  await expect(mine.getByRole('listitem')).toHaveCount(4);

  await page.getByRole('link', { name: '差异报告' }).click();
  const report = page.getByRole('table', { name: '差异报告' });
  const cells = (name: string) => report.getByRole('row', { name: new RegExp(name) }).getByRole('cell');
  // Product, frozen, moved, expected, counted, variance, value, on hand.
  await expect(cells(scanned.nameZh)).toHaveText([new RegExp(scanned.nameZh), '3', '0', '3', '3', '0', '¥0.00', '3']);
  await expect(cells(typed.nameZh)).toHaveText([new RegExp(typed.nameZh), '6', '0', '6', '5', '-1', '-¥3.20', '6']);
  await page.getByLabel('显示').selectOption({ label: '有差异的' });
  await expect(report.getByRole('row', { name: new RegExp(scanned.nameZh) })).toHaveCount(0);
  await expect(report.getByRole('row', { name: new RegExp(typed.nameZh) })).toHaveCount(1);

  await page.getByRole('button', { name: '确认盘点结果' }).click();
  await page.getByRole('dialog', { name: '应用盘点结果？' }).getByRole('button', { name: '确认盘点结果' }).click();
  await expect(page.getByRole('status')).toContainText(/已确认，调整单 ADJ-\d{8}-\d{3}/);
  await expect(page.getByRole('button', { name: '确认盘点结果' })).toHaveCount(0);
  await expect(cells(typed.nameZh).last()).toHaveText('5');
  await page.getByLabel('显示').selectOption({ label: '全部商品' });
  await expect(cells(scanned.nameZh).last()).toHaveText('3');

  const product = await call<{ onHand: number }>(request, 'catalog.get', { id: typed.id }, 'query');
  expect(product.onHand).toBe(5);
});

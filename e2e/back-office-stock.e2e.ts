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

async function trpc<T>(request: APIRequestContext, path: string, input: unknown, mutation = false): Promise<T> {
  const response = mutation
    ? await request.post(`/api/trpc/${path}`, { data: { json: input } })
    : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

test('a store manager writes off damaged goods and sees it in the product’s history and the stock list', async ({
  page,
}) => {
  await signIn(page, '8001', 'manager8001');
  const code = `STK-${randomDigits(6)}`;
  const barcode = completeEan13(`469${randomDigits(9)}`);
  const name = `库存测试茶${randomDigits(4)}`;
  const departments = await trpc<{ id: string; code: string }[]>(page.request, 'catalog.departments', undefined);
  const product = await trpc<{ id: string }>(
    page.request,
    'catalog.create',
    {
      id: uuidv7(),
      code,
      nameZh: name,
      nameEn: 'Stock test tea',
      departmentId: departments[0]?.id,
      unit: 'each',
      priceFen: 1200,
      costFen: 700,
      vatRateBps: 1300,
      plu: null,
      active: true,
      barcodes: [{ code: barcode }],
    },
    true,
  );
  // Stock to write off from: ten found in the back room, through the same procedure as the form.
  await trpc(
    page.request,
    'stock.adjust',
    { id: uuidv7(), reason: 'found', note: '仓库找到', lines: [{ productId: product.id, quantityDelta: 10 }] },
    true,
  );

  await page.getByRole('link', { name: '库存', exact: true }).click();
  await page.getByRole('link', { name: '库存调整' }).click();
  await page.getByRole('link', { name: '新建库存调整' }).click();
  await page.getByRole('button', { name: '提交调整' }).click();
  await expect(page.getByText('请选择调整原因')).toBeVisible();
  await expect(page.getByText('请填写说明')).toBeVisible();

  await page.getByLabel('原因').selectOption({ label: '破损' });
  await page.getByLabel('说明').fill('搬运时摔坏两盒');
  await page.getByLabel('扫码或输入条码').fill(barcode);
  await page.getByLabel('扫码或输入条码').press('Enter');
  await page.getByLabel(`${name} 的数量`).fill('-2');
  await page.getByRole('button', { name: '提交调整' }).click();
  await page.getByRole('dialog', { name: '提交库存调整？' }).getByRole('button', { name: '提交调整' }).click();

  await expect(page).toHaveURL(/\/stock\/adjustments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /调整单 ADJ-\d{8}-\d{3}/ })).toBeVisible();
  const number = (await page.getByRole('heading', { name: /调整单/ }).textContent())?.match(/ADJ-\d{8}-\d{3}/)?.[0];
  expect(number).toBeTruthy();
  await page.getByRole('link', { name }).click();

  await expect(page).toHaveURL(new RegExp(`/stock/${product.id}$`));
  await expect(page.getByTestId('on-hand')).toHaveText('8');
  const history = page.getByRole('table', { name: '库存流水' });
  const damaged = history.getByRole('row', { name: new RegExp(`调整单 ${number}（破损）`) });
  await expect(damaged).toContainText('-2');
  await expect(damaged).toContainText('¥7.00');
  await expect(damaged.getByRole('cell').nth(4)).toHaveText('8');
  await expect(
    history
      .getByRole('row', { name: /盘盈找到/ })
      .getByRole('cell')
      .nth(4),
  ).toHaveText('10');
  await damaged.getByRole('link', { name: new RegExp(number ?? 'ADJ') }).click();
  await expect(page).toHaveURL(/\/stock\/adjustments\/[0-9a-f-]{36}$/);
  await expect(page.getByText('搬运时摔坏两盒')).toBeVisible();

  await page.getByRole('link', { name: '库存', exact: true }).click();
  await page.getByRole('searchbox', { name: '搜索库存商品' }).fill(code);
  const row = page.getByRole('table', { name: '库存' }).getByRole('row', { name: new RegExp(name) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(3)).toHaveText('8');
  await expect(row).toContainText('¥56.00');
});

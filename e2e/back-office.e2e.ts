import { expect, test, type Page } from '@playwright/test';
import { completeEan13, completeEan8 } from '../server/domain/barcode';

const randomDigits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

async function signIn(page: Page, operatorNo: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('工号').fill(operatorNo);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('a manager creates a product with two barcodes, finds it by pinyin initials, changes its price and sees the audit entry', async ({
  page,
}) => {
  const ean13 = completeEan13(`471${randomDigits(9)}`);
  const ean8 = completeEan8(`47${randomDigits(5)}`);
  const code = `E2E-${randomDigits(6)}`;

  await signIn(page, '8001', 'manager8001');
  await expect(page).toHaveURL(/\/products$/);
  await page.getByRole('link', { name: '新建商品' }).click();

  await page.getByRole('button', { name: '创建商品' }).click();
  await expect(page.getByText('请填写中文名称（最多 60 字）')).toBeVisible();
  await expect(page.getByText('请选择部门')).toBeVisible();

  await page.getByLabel('编码').fill(code);
  await page.getByLabel('部门').selectOption({ label: '饮料' });
  await page.getByLabel('中文名称').fill('可口可乐零度测试装');
  await page.getByLabel('英文名称').fill('Coke Zero test pack');
  await page.getByLabel('售价（元，含税）').fill('6.50');
  await page.getByLabel('进价（元）').fill('4.20');
  await page.getByLabel('条码 1').fill(`${ean13.slice(0, 12)}${(Number(ean13[12]) + 1) % 10}`);
  await page.getByRole('button', { name: '添加条码' }).click();
  await page.getByLabel('条码 2').fill(ean8);
  await page.getByRole('button', { name: '创建商品' }).click();
  await expect(page.getByText('条码无效：请检查位数和校验位')).toBeVisible();

  await page.getByLabel('条码 1').fill(ean13);
  await page.getByRole('button', { name: '创建商品' }).click();
  await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
  const barcodeList = page.getByRole('list', { name: '条码' });
  await expect(barcodeList).toContainText(ean13);
  await expect(barcodeList).toContainText(ean8);

  await page.getByRole('link', { name: '商品' }).click();
  await page.getByRole('searchbox', { name: '搜索商品' }).fill('kkklldcsz');
  const row = page.getByRole('row', { name: /可口可乐零度测试装/ });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('¥6.50');
  await row.getByRole('link', { name: '可口可乐零度测试装' }).click();

  await page.getByLabel('售价（元，含税）').fill('7.20');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('已保存');
  const history = page.getByRole('table', { name: '操作日志' });
  const priceChange = history.getByRole('row', { name: /改价/ });
  await expect(priceChange).toContainText('¥6.50 → ¥7.20');
  await expect(priceChange).toContainText('王店长 (8001)');

  await page.getByRole('link', { name: '操作日志' }).click();
  await expect(page.getByRole('row', { name: /改价/ }).first()).toContainText(code);
});

test('a cashier is refused at the back office, and pages need a session', async ({ page }) => {
  await page.goto('/products');
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, '1001', 'cash1001');
  await expect(page.getByRole('alert').filter({ hasText: '收银员账号不能进入后台，请在收银台签到。' })).toBeVisible();
  await page.goto('/products');
  await expect(page).toHaveURL(/\/sign-in$/);

  const response = await page.request.post('/api/trpc/auth.signIn', {
    data: { json: { operatorNo: '1001', password: 'cash1001', area: 'lane' } },
  });
  expect(response.ok()).toBe(true);
  const list = await page.request.get(
    '/api/trpc/catalog.list?input=' + encodeURIComponent(JSON.stringify({ json: {} })),
  );
  expect(list.status()).toBe(403);
  await page.goto('/products');
  await expect(page.getByRole('alert').filter({ hasText: '无权访问' })).toBeVisible();
});

test('the back office speaks English when chosen, and health reports the database', async ({ page }) => {
  const health = await page.request.get('/api/health');
  expect(await health.json()).toMatchObject({ ok: true, database: { kind: 'pglite', reachable: true } });

  await signIn(page, '7001', 'super7001');
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Products' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search products' }).fill('nfsq');
  await expect(page.getByRole('row', { name: /农夫山泉/ }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'New product' })).toHaveCount(0);
});

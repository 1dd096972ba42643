import { expect, test, type Page } from '@playwright/test';
import { completeEan13 } from '../server/domain/barcode';

const randomDigits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

async function signIn(page: Page, operatorNo: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('工号').fill(operatorNo);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('a manager imports a CSV with one bad line, applies the valid lines, finds the product and prints its label', async ({
  page,
}) => {
  const suffix = randomDigits(6);
  const code = `IMP-${suffix}`;
  const name = `导入测试橙汁${suffix}`;
  const ean = completeEan13(`472${randomDigits(9)}`);
  const csv = [
    '编码,中文名称,英文名称,部门编码,销售单位,售价（元）,进价（元）,税率（%）,条码,PLU 码,在售',
    `${code},${name},Import test juice,30,件,6.80,4.10,13,${ean},,是`,
    `IMP-B${suffix},导入坏行${suffix},,30,件,六元,,,,,是`,
  ].join('\r\n');

  await signIn(page, '8001', 'manager8001');
  await expect(page).toHaveURL(/\/products$/);
  await page.getByRole('link', { name: '导入' }).click();
  await expect(page.getByRole('heading', { name: '导入商品' })).toBeVisible();

  await page.getByLabel('商品文件（CSV 或 XLSX）').setInputFiles({
    name: 'catalog.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv}`, 'utf8'),
  });
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText('共 2 行：1 行正确，1 行有错误')).toBeVisible();
  const errors = page.getByRole('table', { name: '错误' });
  const priceError = errors.getByRole('row', { name: /六元/ });
  await expect(priceError.getByRole('cell').nth(0)).toHaveText('3');
  await expect(priceError.getByRole('cell').nth(1)).toHaveText('售价（元）');
  await expect(priceError.getByRole('cell').nth(2)).toHaveText('“六元”不是金额：按元填写，最多两位小数，如 3.50');
  await expect(
    page.getByRole('table', { name: '导入内容' }).getByRole('row', { name: new RegExp(code) }),
  ).toContainText('新建');
  await expect(page.getByRole('button', { name: '全部导入' })).toBeDisabled();

  await page.getByRole('button', { name: '仅导入正确的行' }).click();
  await expect(page.getByRole('status')).toContainText('新建 1');
  await expect(page.getByRole('status')).toContainText('跳过 1 行');

  await page.getByRole('status').getByRole('link', { name: '商品' }).click();
  await page.getByRole('searchbox', { name: '搜索商品' }).fill(code);
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('¥6.80');
  await page.getByRole('searchbox', { name: '搜索商品' }).fill(`IMP-B${suffix}`);
  await expect(page.getByText('没有找到商品')).toBeVisible();

  await page.getByRole('searchbox', { name: '搜索商品' }).fill(code);
  await page.getByRole('checkbox', { name: `选择 ${name}` }).check();
  await page.getByRole('link', { name: '打印标签（1）' }).click();
  await expect(page).toHaveURL(/\/products\/labels\?ids=/);
  const sheet = page.getByRole('list', { name: '标签页' });
  await expect(sheet.getByRole('listitem')).toHaveCount(1);
  const label = sheet.getByRole('listitem', { name });
  await expect(label).toContainText('¥6.80');
  await expect(label.getByRole('img', { name: `条码 ${ean}` }).locator('svg')).toBeVisible();

  await page.getByLabel('标签类型').selectOption({ label: '价签（A4，2×4）' });
  await page.getByRole('searchbox', { name: '按搜索选择商品' }).fill('nfsq');
  await expect(sheet.getByRole('listitem').first()).toBeVisible();
  await expect(sheet.getByRole('listitem').first().locator('svg')).toBeVisible();
});

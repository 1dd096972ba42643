import { expect, test, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { DEMO_STORE_CODE } from '../db/seed/demo-seed';
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
    kind === 'mutation'
      ? await page.request.post(`/api/trpc/${path}`, { data: { json: input } })
      : await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A product of our own with stock found in the back room, so no other test changes its figures. */
async function stockedProduct(page: Page, label: string, costFen: number, onHand: number) {
  const departments = await trpc<{ id: string; nameZh: string }[]>(page, 'catalog.departments', undefined, 'query');
  const drinks = departments.find((d) => d.nameZh === '饮料');
  if (!drinks) throw new Error('no drinks department');
  const tag = randomDigits(6);
  const product = {
    id: uuidv7(),
    code: `CNF-${label}-${tag}`,
    nameZh: `确认测试${label}${tag}`,
    nameEn: `Confirm test ${label} ${tag}`,
    departmentId: drinks.id,
    unit: 'each' as const,
    priceFen: 1200,
    costFen,
    vatRateBps: 1300,
    plu: null,
    active: true,
    barcodes: [{ code: completeEan13(`473${randomDigits(9)}`) }],
  };
  await trpc(page, 'catalog.create', product, 'mutation');
  if (onHand > 0) {
    await trpc(
      page,
      'stock.adjust',
      { id: uuidv7(), reason: 'found', note: '仓库找到', lines: [{ productId: product.id, quantityDelta: onHand }] },
      'mutation',
    );
  }
  return { ...product, departmentId: drinks.id };
}

const onHandOf = async (page: Page, productId: string) =>
  (await trpc<{ onHand: number }>(page, 'stock.product', { productId }, 'query')).onHand;

test('posting an adjustment asks first with its lines and value; its item code resolves; the reason sets the sign', async ({
  page,
}) => {
  await signIn(page, '8001', 'manager8001');
  const tea = await stockedProduct(page, 'A', 700, 10);
  await page.goto('/stock/adjustments/new');
  await page.getByLabel('原因').selectOption({ label: '破损' });
  await expect(page.getByText('破损只能减少库存：数量填负数，如 -2')).toBeVisible();
  await page.getByLabel('说明').fill('搬运时摔坏');
  // The item code, as the receiving forms accept it.
  await page.getByLabel('扫码或输入条码/编码').fill(tea.code);
  await page.getByLabel('扫码或输入条码/编码').press('Enter');
  await page.getByLabel(`${tea.nameZh} 的数量`).fill('2');
  await page.getByRole('button', { name: '提交调整' }).click();
  await expect(page.getByText(`第 1 行（${tea.nameZh}）：破损只能减少库存，请填写负数`)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByLabel(`${tea.nameZh} 的数量`).fill('-2');
  const submit = page.getByRole('button', { name: '提交调整' });
  await submit.click();
  const dialog = page.getByRole('dialog', { name: '提交库存调整？' });
  await expect(dialog).toContainText('破损，共 1 行：减少库存 ¥14.00，增加库存 ¥0.00（按平均成本）');
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(submit).toBeFocused();
  await submit.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/stock\/adjustments\/new$/);
  expect(await onHandOf(page, tea.id)).toBe(10);

  await submit.click();
  await dialog.getByRole('button', { name: '提交调整' }).click();
  await expect(page).toHaveURL(/\/stock\/adjustments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /调整单 ADJ-\d{8}-\d{3}/ })).toBeVisible();
  expect(await onHandOf(page, tea.id)).toBe(8);
});

test('sending a transfer asks first with its lines, quantity and destination store', async ({ page }) => {
  await signIn(page, '8001', 'manager8001');
  const juice = await stockedProduct(page, 'B', 300, 10);
  // This build's database has one store: a second one is shown to the form, and the server refuses sending to it.
  const elsewhere = { id: uuidv7(), code: 'E2E2', name: '二号测试店' };
  await page.route(/\/api\/trpc\/[^?]*stock\.transferDestinations/, async (route) => {
    const response = await route.fetch();
    const names = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^\/api\/trpc\//, '')).split(',');
    const body = (await response.json()) as unknown[];
    body[names.indexOf('stock.transferDestinations')] = { result: { data: { json: [elsewhere] } } };
    await route.fulfill({ response, json: body });
  });
  const sends: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('stock.sendTransfer')) sends.push(request.url());
  });

  await page.goto('/transfers/new');
  await page.getByLabel('调入门店').selectOption({ label: '二号测试店 (E2E2)' });
  await page.getByLabel('扫码或输入条码/编码').fill(juice.barcodes[0]?.code ?? '');
  await page.getByLabel('扫码或输入条码/编码').press('Enter');
  await page.getByLabel(`${juice.nameZh} 的数量`).fill('3');
  const send = page.getByRole('button', { name: '发出调拨' });
  await send.click();
  const dialog = page.getByRole('dialog', { name: '发出调拨单？' });
  await expect(dialog).toContainText('1 行，共 3 件，调往 二号测试店 (E2E2)');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(send).toBeFocused();
  expect(sends).toEqual([]);
  expect(await onHandOf(page, juice.id)).toBe(10);

  await send.click();
  await dialog.getByRole('button', { name: '发出调拨' }).click();
  await expect(page.getByText('请选择本连锁的门店')).toBeVisible();
  expect(sends).toHaveLength(1);
  expect(await onHandOf(page, juice.id)).toBe(10);
});

test('applying a count asks first with the report’s totals from the server', async ({ page }) => {
  await signIn(page, '8001', 'manager8001');
  const gained = await stockedProduct(page, 'C', 320, 0);
  const lost = await stockedProduct(page, 'D', 500, 5);
  const stocktakeId = uuidv7();
  await trpc(
    page,
    'stocktakes.start',
    { id: stocktakeId, scope: 'department', departmentId: gained.departmentId },
    'mutation',
  );
  for (const [product, quantity] of [
    [gained, 3],
    [lost, 2],
  ] as const) {
    await trpc(
      page,
      'stocktakes.count',
      { stocktakeId, entryId: uuidv7(), productId: product.id, quantity },
      'mutation',
    );
  }

  await page.goto(`/stocktakes/${stocktakeId}/report`);
  const apply = page.getByRole('button', { name: '确认盘点结果' });
  await apply.click();
  const dialog = page.getByRole('dialog', { name: '应用盘点结果？' });
  // +3 × ¥3.20 and −3 × ¥5.00
  await expect(dialog).toContainText('应用 2 条盘点：+¥9.60 / −¥15.00，净额 −¥5.40');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(apply).toBeFocused();
  expect(await onHandOf(page, lost.id)).toBe(5);

  await apply.click();
  await dialog.getByRole('button', { name: '确认盘点结果' }).click();
  await expect(page.getByRole('status')).toContainText(/已确认，调整单 ADJ-\d{8}-\d{3}/);
  expect(await onHandOf(page, lost.id)).toBe(2);
  expect(await onHandOf(page, gained.id)).toBe(3);
});

test('a large catalog import shows lines checked, then lines written, and draws its errors a hundred at a time', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // Into a store of its own, so the demo store's lanes in later tests download no thousands of extra products.
  await signIn(page, '9001', 'hq9001');
  const tag = randomDigits(5);
  const storeId = uuidv7();
  const manager = { id: uuidv7(), operatorNo: `77${tag}`, name: '导入店长', password: `import-${tag}` };
  await trpc(
    page,
    'store.create',
    {
      id: storeId,
      code: `ZIMP${tag}`,
      name: `导入测试店 ${tag}`,
      address: '测试路 9 号',
      vatNumber: '91310000TEST0009X',
      manager,
    },
    'mutation',
  );
  const demo = (await trpc<{ id: string; code: string }[]>(page, 'store.overview', undefined, 'query')).find(
    (store) => store.code === DEMO_STORE_CODE,
  );
  await trpc(page, 'store.copyCatalog', { id: uuidv7(), fromStoreId: demo?.id, toStoreId: storeId }, 'mutation');
  await trpc(page, 'auth.signOut', undefined, 'mutation');
  await signIn(page, manager.operatorNo, manager.password);
  // The 20,000 lines: checking and writing each outlast several of the page's progress polls.
  const LINES = 20_000;
  const BAD = LINES / 100;
  const GOOD = LINES - BAD;
  const rows = Array.from({ length: LINES }, (_, i) => `BULK${tag}-${i},批量导入${tag}-${i},,30,件,2.50,1.20,13,,,否`);
  // Every hundredth line names a department the store does not have.
  for (let i = 0; i < LINES; i += 100) rows[i] = `BULK${tag}-${i},坏行${tag}-${i},,99,件,2.50,1.20,13,,,否`;
  const csv = [
    '编码,中文名称,英文名称,部门编码,销售单位,售价（元）,进价（元）,税率（%）,条码,PLU 码,在售',
    ...rows,
  ].join('\r\n');
  await page.goto('/products/import');
  // Every text the progress line shows, however briefly.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      for (const status of document.querySelectorAll('[role="status"]')) seen.push(status.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const progressSeen = () => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);

  await page.getByLabel('商品文件（CSV 或 XLSX）').setInputFiles({
    name: 'bulk.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText(`共 ${LINES} 行：${GOOD} 行正确，${BAD} 行有错误`)).toBeVisible({ timeout: 60_000 });
  expect(await progressSeen()).toContainEqual(expect.stringMatching(new RegExp(`已检查 \\d+ / ${LINES} 行`)));

  const errors = page.getByRole('table', { name: '错误' });
  await expect(errors.getByRole('row')).toHaveCount(1 + 100);
  await expect(page.getByRole('table', { name: '导入内容' }).getByRole('row')).toHaveCount(1 + 100);
  await expect(page.getByText(`另有 ${GOOD - 100} 行未显示`)).toBeVisible();
  await page.getByRole('button', { name: '再显示 100 行' }).last().click();
  await expect(page.getByRole('table', { name: '导入内容' }).getByRole('row')).toHaveCount(1 + 200);

  await page.getByRole('button', { name: '仅导入正确的行' }).click();
  await expect(page.getByRole('status')).toContainText(`新建 ${GOOD}`, { timeout: 150_000 });
  expect(await progressSeen()).toContainEqual(expect.stringMatching(new RegExp(`已写入 \\d+ / ${GOOD} 行`)));
});

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

async function createProduct(request: APIRequestContext, label: string) {
  const departments = await call<{ id: string }[]>(request, 'catalog.departments', undefined, 'query');
  const tag = randomDigits(6);
  const product = {
    id: uuidv7(),
    code: `E2E-LY-${label}-${tag}`,
    nameZh: `布局测试${label}${tag}`,
    nameEn: `Layout test ${label} ${tag}`,
    departmentId: departments[0]?.id,
    unit: 'each',
    priceFen: 500,
    costFen: 320,
    vatRateBps: 1300,
    plu: null,
    active: true,
    barcodes: [{ code: completeEan13(`473${randomDigits(9)}`) }],
  };
  await call(request, 'catalog.create', product, 'mutation');
  return product;
}

const overflowX = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A page is settled when its queries have answered: nothing more will widen it or add a table. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
}

// Pages below the menu's entries, checked for their tables and the one current menu item.
const SUBPAGES = [
  '/products/new',
  '/products/import',
  '/stock/adjustments',
  '/stock/adjustments/new',
  '/receiving/suppliers',
  '/receiving/reorder',
  '/receiving/orders/new',
  '/receiving/new',
  '/stocktakes/new',
  '/transfers/new',
];

// The manager in Chinese, head office (the widest header: store switcher) in English, the longer menu words.
const HEADER = {
  zh: { menu: '后台管理', signOut: '退出登录', language: '语言', store: '门店' },
  en: { menu: 'Back office', signOut: 'Sign out', language: 'Language', store: 'Store' },
} as const;

for (const [who, operatorNo, password, locale] of [
  ['a store manager', '8001', 'manager8001', 'zh'],
  ['head office', '9001', 'hq9001', 'en'],
] as const) {
  test(`${who}: every back-office page fits 1280 px, marks one menu item current and names its tables`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const words = HEADER[locale];
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, operatorNo, password);
    if (locale === 'en') await page.context().addCookies([{ name: 'lk_locale', value: 'en', url: baseURL ?? '' }]);
    await page.reload();
    const menu = page.getByRole('navigation', { name: words.menu });
    const menuPaths = await menu
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(menuPaths.length).toBeGreaterThan(5);
    const subpages = SUBPAGES.filter((path) => menuPaths.some((menuPath) => path.startsWith(`${menuPath}/`)));

    for (const path of [...menuPaths, ...subpages]) {
      await test.step(path, async () => {
        await open(page, path);
        expect(await overflowX(page), `${path} scrolls sideways at 1280 px`).toBeLessThanOrEqual(0);
        await expect(page.getByRole('button', { name: words.signOut })).toBeInViewport({ ratio: 1 });
        await expect(
          page.getByRole('banner').getByRole('combobox', { name: words.language, exact: true }),
        ).toBeInViewport({ ratio: 1 });
        if (operatorNo === '9001') {
          await expect(
            page.getByRole('banner').getByRole('combobox', { name: words.store, exact: true }),
          ).toBeInViewport({ ratio: 1 });
        }

        const current = menu.locator('[aria-current="page"]');
        await expect(current, `${path}: one current menu item`).toHaveCount(1);
        const currentPath = await current.evaluate((link) => new URL((link as HTMLAnchorElement).href).pathname);
        expect(path === currentPath || path.startsWith(`${currentPath}/`)).toBe(true);
        // Only the current item carries the visual mark.
        const marked = await menu
          .getByRole('link')
          .evaluateAll((links) => links.filter((link) => getComputedStyle(link).fontWeight === '600').length);
        expect(marked, `${path}: one item looks current`).toBe(1);

        for (const table of await page.getByRole('table').all()) {
          await expect(table, `${path}: a table without a name`).toHaveAccessibleName(/\S/);
        }
        const names = await page
          .locator('main')
          .getByRole('button')
          .evaluateAll((buttons) =>
            buttons.map(
              (button) => button.getAttribute('aria-label') ?? (button as HTMLElement).innerText.replace(/\s+/g, ' '),
            ),
          );
        const repeated = names.filter((name, index) => names.indexOf(name) !== index);
        expect(repeated, `${path}: buttons that do not say which row they act on`).toEqual([]);
      });
    }
  });
}

test('repeated row buttons say which row they act on', async ({ page }) => {
  await signIn(page, '8001', 'manager8001');
  await open(page, '/staff');
  await expect(page.getByRole('button', { name: /^停用 张收银/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^停用 陈收银/ })).toBeVisible();
  const product = await createProduct(page.request, 'B');
  await open(page, `/products/${product.id}`);
  const barcode = product.barcodes[0]?.code ?? '';
  await expect(page.getByRole('button', { name: `删除条码 ${barcode}` })).toBeVisible();
});

test('the counting page fits a 390 px phone, header included, with the menu and switchers reachable', async ({
  page,
}) => {
  await signIn(page, '8001', 'manager8001');
  const departments = await call<{ id: string; nameZh: string }[]>(
    page.request,
    'catalog.departments',
    undefined,
    'query',
  );
  const department = departments.at(-1);
  if (!department) throw new Error('no department');
  const stocktakeId = uuidv7();
  await call(
    page.request,
    'stocktakes.start',
    { id: stocktakeId, scope: 'department', departmentId: department.id },
    'mutation',
  );
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `/stocktakes/${stocktakeId}`);
    await expect(page.getByLabel('条码或商品编码')).toBeVisible();
    expect(await overflowX(page), 'the counting page scrolls sideways at 390 px').toBeLessThanOrEqual(0);
    await expect(page.getByRole('button', { name: '退出登录' })).toBeInViewport();
    await expect(page.getByRole('combobox', { name: '语言' })).toBeInViewport();

    await page.getByRole('button', { name: '菜单' }).click();
    const menu = page.getByRole('navigation', { name: '后台管理' });
    await expect(menu.getByRole('link', { name: '盘点', exact: true })).toBeInViewport();
    await expect(menu.locator('[aria-current="page"]')).toHaveText('盘点');
    expect(await overflowX(page), 'the open menu scrolls sideways at 390 px').toBeLessThanOrEqual(0);
  } finally {
    await call(page.request, 'stocktakes.cancel', { stocktakeId }, 'mutation');
  }
});

test('a failed submit moves focus to the first invalid field', async ({ page }) => {
  await signIn(page, '8001', 'manager8001');
  await open(page, '/products/new');
  await page.getByLabel('中文名称').fill('只有名称');
  await page.getByRole('button', { name: '创建商品' }).click();
  await expect(page.getByLabel('编码', { exact: true })).toBeFocused();
  await expect(page.getByLabel('编码', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // The server's verdict moves focus too: a taken item code.
  const taken = await createProduct(page.request, 'T');
  await open(page, '/products/new');
  await page.getByLabel('编码', { exact: true }).fill(taken.code);
  await page.getByLabel('部门', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('中文名称').fill('重复编码');
  await page.getByLabel('售价（元，含税）').fill('5.00');
  await page.getByLabel('进价（元）').fill('3.00');
  await page.getByLabel('中文名称').focus();
  await page.getByRole('button', { name: '创建商品' }).click();
  await expect(page.getByLabel('编码', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('编码', { exact: true })).toBeFocused();

  // Staff: an empty new-staff form.
  await open(page, '/staff');
  await page.getByRole('button', { name: '添加员工' }).click();
  await expect(page.getByLabel('工号', { exact: true })).toBeFocused();

  // A goods receipt whose line has no quantity: focus goes to that line's quantity.
  await open(page, '/receiving/new');
  await page.getByRole('searchbox', { name: '搜索商品' }).fill(taken.code);
  await page.getByRole('button', { name: `添加 ${taken.nameZh}` }).click();
  await page.getByRole('button', { name: '确认收货' }).click();
  await expect(page.getByLabel(`数量 ${taken.nameZh}`)).toBeFocused();
  await expect(page.getByLabel(`数量 ${taken.nameZh}`)).toHaveAttribute('aria-invalid', 'true');
});

test('the label picker keeps the chosen labels across a search', async ({ page }) => {
  await signIn(page, '8001', 'manager8001');
  const chosen = await createProduct(page.request, 'L');
  const other = await createProduct(page.request, 'M');
  await open(page, `/products/labels?ids=${chosen.id}`);
  const sheet = page.getByRole('list', { name: '标签页' });
  await expect(sheet.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('已选 1 个标签')).toBeVisible();

  await page.getByRole('searchbox', { name: '按搜索选择商品' }).fill(other.code);
  await page.getByRole('button', { name: `添加 ${other.nameZh}` }).click();
  await expect(sheet.getByRole('listitem', { name: chosen.nameZh })).toBeVisible();
  await expect(sheet.getByRole('listitem', { name: other.nameZh })).toBeVisible();
  await expect(page.getByText('已选 2 个标签')).toBeVisible();

  await page.getByRole('searchbox', { name: '按搜索选择商品' }).fill('nfsq');
  await expect(page.getByRole('button', { name: /^添加 / }).first()).toBeVisible();
  await expect(sheet.getByRole('listitem')).toHaveCount(2);

  await page.getByRole('button', { name: '清空已选' }).click();
  await expect(sheet.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByText('已选 0 个标签')).toBeVisible();
});

test('a list table says it is loading while its rows are on their way, never bare headings', async ({ page }) => {
  await signIn(page, '8001', 'manager8001');
  for (const [path, procedure, table] of [
    ['/stock', 'stock.list', '库存'],
    ['/staff', 'staff.list', '员工'],
  ] as const) {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = new RegExp(`/api/trpc/[^?]*${procedure.replace('.', '\\.')}`);
    await page.route(held, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(path);
    const rows = page.getByRole('table', { name: table });
    await expect(rows).toHaveAttribute('aria-busy', 'true');
    await expect(rows.getByRole('status')).toHaveText('加载中…');
    release();
    await expect(rows).toHaveAttribute('aria-busy', 'false');
    await expect(rows.getByRole('status')).toHaveCount(0);
    await expect(rows.getByRole('row')).not.toHaveCount(1);
    await page.unroute(held);
  }
});

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { generateDemoCatalog } from '../db/seed/catalog-data';
import { DEMO_STORE_CODE } from '../db/seed/demo-seed';

test.use({ locale: 'en-US' });

const DEMO_STORE_NAME = '乐购邻里超市 徐汇店';
const suffix = () => String(Date.now()).slice(-6);

async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await request.get(`/api/trpc/${path}${query}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function signIn(page: Page, operatorNo: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Operator number').fill(operatorNo);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

/** The lane's setup screen, as a manager uses it once on a new device. */
async function setUpLane(page: Page, storeCode: string, laneNumber: number, operatorNo: string, password: string) {
  const setup = page.getByRole('form', { name: 'Set up this lane' });
  await expect(setup).toBeVisible();
  await setup.getByLabel('Store').selectOption(storeCode);
  await expect(setup.getByLabel('Lane number')).toHaveValue(String(laneNumber));
  await setup.getByLabel("Manager's or head office's operator number").fill(operatorNo);
  await setup.getByLabel('Password').fill(password);
  await setup.getByRole('button', { name: 'Bind this device' }).click();
}

test('a lane device bound once keeps its store after a reload, also once a store sorting first exists', async ({
  page,
  browser,
  baseURL,
}) => {
  // The transfer form says why "To store" offers nothing while the demo store is the only one.
  await signIn(page, '8001', 'manager8001');
  const destinations = await trpcQuery<unknown[]>(page.request, 'stock.transferDestinations', undefined);
  await page.goto('/transfers/new');
  await expect(page.getByLabel('To store')).toBeVisible();
  const hint = page.getByText('No other store yet — head office creates stores');
  if (destinations.length === 0) await expect(hint).toBeVisible();
  else await expect(hint).toHaveCount(0);

  await page.goto('/lanes/3');
  await setUpLane(page, DEMO_STORE_CODE, 3, '8001', 'manager8001');
  await expect(page.getByText(`${DEMO_STORE_NAME} · Lane 3`)).toBeVisible();
  await expect(page.getByLabel('Operator number')).toBeVisible();

  // Head office opens a store whose code sorts before the demo store's: the old lane page opened that one.
  const office = await browser.newContext({ baseURL, locale: 'en-US' });
  const officePage = await office.newPage();
  await officePage.request.post('/api/trpc/auth.signIn', {
    data: { json: { operatorNo: '9001', password: 'hq9001' } },
  });
  const code = `A${suffix()}`;
  const created = await officePage.request.post('/api/trpc/store.create', {
    data: {
      json: {
        id: crypto.randomUUID(),
        code,
        name: `先排序的门店 ${code}`,
        address: '上海市黄浦区 1 号',
        vatNumber: '91310101MA1FL5XK4S',
        lanes: [{ id: crypto.randomUUID(), number: 3, name: '3号收银台', terminalHost: null, terminalPort: null }],
      },
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  await office.close();

  await page.reload();
  await expect(page.getByText(`${DEMO_STORE_NAME} · Lane 3`)).toBeVisible();
  // Another lane's URL on this device leads back to the lane it is bound to.
  await page.goto('/lanes/1');
  await expect(page).toHaveURL(/\/lanes\/3$/);
  await expect(page.getByText(`${DEMO_STORE_NAME} · Lane 3`)).toBeVisible();

  // A device without a binding is asked, not given a store.
  const fresh = await browser.newContext({ baseURL, locale: 'en-US' });
  const freshPage = await fresh.newPage();
  await freshPage.goto('/lanes/3');
  await expect(freshPage.getByRole('form', { name: 'Set up this lane' })).toBeVisible();
  await expect(freshPage.getByLabel('Operator number', { exact: true })).toHaveCount(0);
  await fresh.close();
});

test('head office creates a store with a lane and a manager, whose lane device keeps its store after a reload, and receives a transfer for it', async ({
  page,
  browser,
  baseURL,
}) => {
  const code = `SZ${suffix()}`;
  const name = `苏州新店 ${code}`;
  const managerNo = `6${suffix().slice(-5)}`;
  await signIn(page, '9001', 'hq9001');
  await page.getByRole('navigation').getByRole('link', { name: 'Stores' }).click();
  // The chain's stores are fetched by the page itself: once listed, the form is live and keeps what is typed.
  await expect(page.getByRole('table', { name: 'Stores of the chain' })).toContainText(DEMO_STORE_CODE);
  const form = page.getByRole('form', { name: 'Create a store' });
  await form.getByLabel('Store code').fill(code);
  await form.getByLabel('Store name').fill(name);
  await form.getByLabel('English name').fill(`Suzhou ${code}`);
  await form.getByLabel('Address').fill('苏州市姑苏区人民路 100 号');
  await form.getByLabel('Taxpayer id').fill('91320508MA1FL5XK5T');

  // A time zone that does not exist is refused beside its field, and nothing is created.
  await form.getByLabel('Time zone (IANA)').fill('Asia/Suzhou');
  await form.getByRole('button', { name: 'Create a store' }).click();
  await expect(form.getByText('Unknown time zone (e.g. Asia/Shanghai)')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Stores of the chain' })).not.toContainText(code);

  await form.getByLabel('Time zone (IANA)').fill('Asia/Shanghai');
  await form.getByLabel('Printer host 1').fill('127.0.0.1');
  await form.getByLabel('Printer port 1').fill('9999');
  await form.getByLabel("Manager's operator number").fill(managerNo);
  await form.getByLabel("Manager's name").fill('苏店长');
  await form.getByLabel("Manager's first password").fill('suzhou-manager');
  await form.getByRole('button', { name: 'Create a store' }).click();
  await expect(form.getByRole('status')).toHaveText(`Store ${code} created`);
  const row = page.getByRole('table', { name: 'Stores of the chain' }).getByRole('row').filter({ hasText: code });
  await expect(row).toContainText(`苏店长 (${managerNo})`);

  const copy = page.getByRole('form', { name: 'Copy a catalog' });
  await copy.getByLabel('From store').selectOption({ label: `${DEMO_STORE_CODE} ${DEMO_STORE_NAME}` });
  await copy.getByLabel('To store').selectOption({ label: `${code} ${name}` });
  await copy.getByRole('button', { name: 'Copy catalog' }).click();
  await expect(copy.getByRole('status')).toContainText(/Copied [1-9]\d* products/);

  // The new store's lane device, set up once by its new manager, stays with that store.
  const lane = await browser.newContext({ baseURL, locale: 'en-US' });
  const lanePage = await lane.newPage();
  await lanePage.goto('/lanes/1');
  await setUpLane(lanePage, code, 1, managerNo, 'suzhou-manager');
  await expect(lanePage.getByText(`${name} · Lane 1`)).toBeVisible();
  await lanePage.reload();
  await expect(lanePage.getByText(`${name} · Lane 1`)).toBeVisible();

  // The demo store sends goods to the new store; head office, with the new store chosen, receives them.
  const stores = await trpcQuery<{ id: string; code: string }[]>(page.request, 'store.overview', undefined);
  const newStoreId = stores.find((s) => s.code === code)?.id;
  const manager = await browser.newContext({ baseURL, locale: 'en-US' });
  const managerRequest = manager.request;
  await managerRequest.post('/api/trpc/auth.signIn', {
    data: { json: { operatorNo: '8001', password: 'manager8001' } },
  });
  const product = generateDemoCatalog().find((p) => p.unit === 'each');
  const list = await trpcQuery<{ items: { id: string; code: string }[] }>(managerRequest, 'catalog.list', {
    query: product?.code,
  });
  const sent = await managerRequest.post('/api/trpc/stock.sendTransfer', {
    data: {
      json: {
        id: crypto.randomUUID(),
        toStoreId: newStoreId,
        lines: [{ productId: list.items.find((p) => p.code === product?.code)?.id, quantity: 2 }],
      },
    },
  });
  expect(sent.ok(), await sent.text()).toBe(true);
  const transferNumber = ((await sent.json()) as { result: { data: { json: { number: string } } } }).result.data.json
    .number;
  await manager.close();

  await page.getByRole('navigation').getByRole('link', { name: 'Transfers' }).click();
  await expect(page).toHaveURL(/\/transfers$/);
  await page.getByRole('combobox', { name: 'Store', exact: true }).selectOption({ label: `${code} ${name}` });
  await expect(page.getByRole('combobox', { name: 'Store', exact: true })).toHaveValue(newStoreId ?? '');
  await page.getByRole('table', { name: 'Incoming' }).getByRole('link', { name: transferNumber }).click();
  await page.getByRole('button', { name: 'Receive' }).click();
  await expect(page.getByRole('definition').filter({ hasText: /^Received$/ })).toBeVisible();

  // Store settings name each lane's buttons and unbind its devices: the device then asks to be set up again.
  await page.getByRole('navigation').getByRole('link', { name: 'Stores' }).click();
  await page.getByRole('button', { name: `Edit ${code} in store settings` }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('button', { name: 'Save lane 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Unbind the devices of lane 1' }).click();
  await expect(page.getByRole('button', { name: 'Unbind the devices of lane 1' })).toHaveCount(0);
  await lanePage.reload();
  await expect(lanePage.getByRole('form', { name: 'Set up this lane' })).toBeVisible();
  await lane.close();
});

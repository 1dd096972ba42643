import { expect, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { DEMO_STORE_CODE } from '../../db/seed/demo-seed';

/**
 * Binds this browser context's device to a store's lane through the real `lane.bindDevice` mutation, as the demo
 * store manager (8001) would at the lane's setup screen; the device cookie lands in the page's context.
 */
export async function bindLaneDevice(
  page: Page,
  {
    storeCode = DEMO_STORE_CODE,
    laneNumber,
    operatorNo = '8001',
    password = 'manager8001',
  }: { storeCode?: string; laneNumber: number; operatorNo?: string; password?: string },
): Promise<void> {
  const response = await page.request.post('/api/trpc/lane.bindDevice', {
    data: { json: { deviceId: uuidv7(), storeCode, laneNumber, operatorNo, password } },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

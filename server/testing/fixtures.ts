import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { staff } from '../../db/schema';
import { createStore } from '../../db/seed/demo-seed';
import { hashPassword } from '../auth/password';
import type { StaffRole } from '../auth/permissions';
import type { StaffContext } from '../core/context';
import { newId } from '../core/ids';

export const FIXTURE_PASSWORD = 'fixture-pass';

export interface Clock {
  now: () => Date;
  advanceMinutes(minutes: number): void;
}

export function testClock(start = new Date('2026-11-21T09:00:00+08:00')): Clock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advanceMinutes: (minutes) => {
      current += minutes * 60_000;
    },
  };
}

let storeCounter = 0;
let operatorCounter = 3000;

export async function addStaff(db: Database, storeId: string | null, role: StaffRole, name = role) {
  const id = newId();
  const operatorNo = String(++operatorCounter).padStart(4, '0') + String(process.pid % 100).padStart(2, '0');
  await db.insert(staff).values({
    id,
    storeId: role === 'head_office' ? null : storeId,
    operatorNo,
    name,
    role,
    passwordHash: await hashPassword(FIXTURE_PASSWORD),
  });
  return { id, operatorNo, role };
}

/** A store with its departments and one member of staff per role, plus service contexts acting as each. */
export async function createStoreFixture(db: Database, clock: Clock = testClock()) {
  const code = `T${process.pid % 1000}${++storeCounter}${Date.now() % 100000}`;
  const { storeId, departmentIds } = await createStore(db, {
    code,
    name: `测试门店 ${code}`,
    address: '测试路 1 号',
    vatNumber: '91310000TEST00001X',
    laneCount: 2,
  });
  const members = {
    cashier: await addStaff(db, storeId, 'cashier'),
    supervisor: await addStaff(db, storeId, 'supervisor'),
    store_manager: await addStaff(db, storeId, 'store_manager'),
    head_office: await addStaff(db, storeId, 'head_office'),
  };
  const as = (role: StaffRole): StaffContext => ({
    db,
    now: clock.now,
    storeId,
    actor: { staffId: members[role].id, role, storeId: role === 'head_office' ? null : storeId },
  });
  const departmentId = (code: string) => {
    const id = departmentIds.get(code);
    if (!id) throw new Error(`no department ${code}`);
    return id;
  };
  return { db, storeId, code, members, as, departmentId, clock };
}

export type StoreFixture = Awaited<ReturnType<typeof createStoreFixture>>;

export async function staffRow(db: Database, id: string) {
  const [row] = await db.select().from(staff).where(eq(staff.id, id));
  return row;
}

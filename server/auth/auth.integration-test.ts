import { beforeEach, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture, FIXTURE_PASSWORD, staffRow } from '../testing/fixtures';
import { updateStaff } from '../staff/update-staff';
import { resolveSession } from './resolve-session';
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS, sessionTtlHours } from './session-policy';
import { signIn } from './sign-in';
import { signOut } from './sign-out';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  const ctx = () => ({ db: database().db, now: store.clock.now });
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  it('signs in, resolves the session until it expires, and signs out', async () => {
    const manager = store.members.store_manager;
    const session = await signIn(ctx(), { operatorNo: manager.operatorNo, password: FIXTURE_PASSWORD });
    expect(await resolveSession(ctx(), session.token)).toMatchObject({ id: manager.id, role: 'store_manager' });
    store.clock.advanceMinutes(sessionTtlHours() * 60 - 1);
    expect(await resolveSession(ctx(), session.token)).not.toBeNull();
    store.clock.advanceMinutes(2);
    expect(await resolveSession(ctx(), session.token)).toBeNull();

    const second = await signIn(ctx(), { operatorNo: manager.operatorNo, password: FIXTURE_PASSWORD });
    await signOut(ctx(), second.token);
    expect(await resolveSession(ctx(), second.token)).toBeNull();
    expect(await resolveSession(ctx(), 'not-a-token')).toBeNull();
  });

  it('locks the account after repeated failures, refusing even the right password until the lock ends', async () => {
    const supervisor = store.members.supervisor;
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) {
      await expect(signIn(ctx(), { operatorNo: supervisor.operatorNo, password: 'wrong' })).rejects.toMatchObject({
        reason: 'auth.bad-credentials',
      });
    }
    expect((await staffRow(database().db, supervisor.id))?.lockedUntil).toBeNull();
    await expect(signIn(ctx(), { operatorNo: supervisor.operatorNo, password: 'wrong' })).rejects.toMatchObject({
      reason: 'auth.bad-credentials',
    });
    await expect(
      signIn(ctx(), { operatorNo: supervisor.operatorNo, password: FIXTURE_PASSWORD }),
    ).rejects.toMatchObject({
      reason: 'auth.locked',
    });
    store.clock.advanceMinutes(LOCKOUT_MINUTES + 1);
    const session = await signIn(ctx(), { operatorNo: supervisor.operatorNo, password: FIXTURE_PASSWORD });
    expect(session.staff.id).toBe(supervisor.id);
    expect((await staffRow(database().db, supervisor.id))?.failedSignIns).toBe(0);
  });

  it('counts failures made in parallel, so guessing concurrently still locks the account', async () => {
    const supervisor = store.members.supervisor;
    const guesses = Array.from({ length: MAX_FAILED_SIGN_INS * 2 + 1 }, () =>
      signIn(ctx(), { operatorNo: supervisor.operatorNo, password: 'wrong' }).catch((e: unknown) => e),
    );
    await Promise.all(guesses);
    await expect(
      signIn(ctx(), { operatorNo: supervisor.operatorNo, password: FIXTURE_PASSWORD }),
    ).rejects.toMatchObject({
      reason: 'auth.locked',
    });
  });

  it('keeps a running lock when guesses keep coming', async () => {
    const supervisor = store.members.supervisor;
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      await signIn(ctx(), { operatorNo: supervisor.operatorNo, password: 'wrong' }).catch(() => undefined);
    const locked = (await staffRow(database().db, supervisor.id))?.lockedUntil;
    expect(locked).not.toBeNull();
    await signIn(ctx(), { operatorNo: supervisor.operatorNo, password: 'wrong' }).catch(() => undefined);
    expect((await staffRow(database().db, supervisor.id))?.lockedUntil).toEqual(locked);
  });

  it('a successful sign-in clears the failure count', async () => {
    const supervisor = store.members.supervisor;
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) {
      await signIn(ctx(), { operatorNo: supervisor.operatorNo, password: 'wrong' }).catch(() => undefined);
    }
    await signIn(ctx(), { operatorNo: supervisor.operatorNo, password: FIXTURE_PASSWORD });
    await signIn(ctx(), { operatorNo: supervisor.operatorNo, password: 'wrong' }).catch(() => undefined);
    expect((await staffRow(database().db, supervisor.id))?.lockedUntil).toBeNull();
  });

  it('refuses cashiers at the back office but lets them sign in at a lane', async () => {
    const cashier = store.members.cashier;
    await expect(signIn(ctx(), { operatorNo: cashier.operatorNo, password: FIXTURE_PASSWORD })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      reason: 'auth.back-office-forbidden',
    });
    const lane = await signIn(ctx(), { operatorNo: cashier.operatorNo, password: FIXTURE_PASSWORD, area: 'lane' });
    expect(lane.staff.role).toBe('cashier');
  });

  it('refuses unknown and deactivated accounts alike, and ends the sessions of a deactivated one', async () => {
    await expect(signIn(ctx(), { operatorNo: '00000000', password: 'x' })).rejects.toMatchObject({
      reason: 'auth.bad-credentials',
    });
    const supervisor = store.members.supervisor;
    const session = await signIn(ctx(), { operatorNo: supervisor.operatorNo, password: FIXTURE_PASSWORD });
    await updateStaff(store.as('store_manager'), { id: supervisor.id, active: false });
    expect(await resolveSession(ctx(), session.token)).toBeNull();
    await expect(
      signIn(ctx(), { operatorNo: supervisor.operatorNo, password: FIXTURE_PASSWORD }),
    ).rejects.toMatchObject({
      reason: 'auth.bad-credentials',
    });
  });
});

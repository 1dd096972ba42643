import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cardPaymentAttempts, cardPayments, saleTenders, sales } from '../../db/schema';
import { grantApproval } from '../approvals/grant-approval';
import { DomainError } from '../core/errors';
import { newId } from '../core/ids';
import { finalizeSale, type FinalizeSaleInput } from '../sales/finalize-sale';
import { voidOpenSale } from '../sales/void-open-sale';
import { openCardLane, type CardLane } from '../testing/card-lane';
import { forEachDatabase } from '../testing/database-suite';
import { type createStoreFixture, FIXTURE_PASSWORD } from '../testing/fixtures';
import { addProduct, saleInput, saleLine } from '../testing/sale-fixtures';
import { type MisposSimulator } from './mispos-simulator';
import { unattachedCardPayments } from './list-unattached-card-payments';
import { listUnresolvedCardPayments } from './list-unresolved-card-payments';
import { resolveCardPayment } from './resolve-card-payment';
import { settleUnattachedCardPayment } from './settle-unattached-card-payment';
import { markOrphanedCardPaymentsDue, resolveDueCardPayments } from './resolve-due-card-payments';
import { cardTransactionRunning } from './run-card-transaction';
import { startCardPayment } from './start-card-payment';
import { ecrRefFor } from './mispos/link';

// Short waits: the POS gives up on an answer after 250 ms, on a query's after 150 ms.
process.env.MISPOS_QUERY_PAUSE_MS = '20';
process.env.MISPOS_ANSWER_TIMEOUT_MS = '250';
process.env.MISPOS_QUERY_ANSWER_TIMEOUT_MS = '150';

const SALES = Number(process.env.CARD_FUZZ_SALES ?? 500);
/** Crashes done by SIGKILL of a real server process (PostgreSQL only; a process start costs a second or two). */
const REAL_KILLS = Number(process.env.CARD_FUZZ_KILLS ?? 12);
const SEED = Number(process.env.CARD_FUZZ_SEED ?? Date.now() % 1_000_000_007);

/** mulberry32: the whole run follows from the seed (besides the terminal's real-time races). */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    below: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}

type Fault =
  | 'none'
  | 'lostAnswer'
  | 'lateApproval'
  | 'queryBusy'
  | 'queryUnanswered'
  | 'overApproval'
  | 'underApproval'
  | 'decline'
  | 'crash';
const FAULTS: readonly Fault[] = [
  'none',
  'none',
  'none',
  'lostAnswer',
  'lateApproval',
  'queryBusy',
  'queryUnanswered',
  'overApproval',
  'underApproval',
  'decline',
  'crash',
];

const isOutcomeUnknown = (state: string) => state === 'unknown' || state === 'in_flight';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  let simulator: MisposSimulator;
  let lane: { id: string; number: number };
  let shiftId: string;

  let rig: CardLane;
  beforeEach(async () => {
    rig = await openCardLane(database().db, { simulator: { cardDelayMs: 1, pinDelayMs: 1 } });
    ({ store, simulator, lane, shiftId } = rig);
  });
  afterEach(() => rig.close());

  const control = async (method: 'POST' | 'DELETE', path: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${simulator.controlPort}${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  };
  const resolverContext = () => ({ db: database().db, now: store.clock.now });
  const paymentRow = async (id: string) => {
    const [row] = await database().db.select().from(cardPayments).where(eq(cardPayments.id, id));
    if (!row) throw new Error(`no card payment ${id}`);
    return row;
  };

  it(
    `${SALES} card sales with random faults and cashiers retrying at random: every approval ends once, no sale charged twice`,
    { timeout: 60 * 60_000 },
    async () => {
      console.log(`card fuzz: seed ${SEED}, ${SALES} sales (CARD_FUZZ_SEED / CARD_FUZZ_SALES to change)`);
      const random = seededRandom(SEED);
      const prices = [1380, 2450, 990, 15_600, 4_210];
      const products = [];
      for (const priceFen of prices) products.push(await addProduct(store, { priceFen }));
      const counts: Record<string, number> = {};
      const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);

      async function inject(fault: Fault) {
        count(`fault ${fault}`);
        if (fault === 'lostAnswer') await control('POST', '/faults', { dropConnection: {} });
        if (fault === 'lateApproval') await control('POST', '/faults', { bankDelay: { ms: 300 + random.below(500) } });
        if (fault === 'queryBusy') {
          await control('POST', '/faults', { dropConnection: {}, queryBusy: { forMs: 200 + random.below(800) } });
        }
        if (fault === 'queryUnanswered') {
          await control('POST', '/faults', { dropConnection: {}, queryUnanswered: { times: 1 + random.below(3) } });
        }
        if (fault === 'overApproval')
          await control('POST', '/faults', { overApproval: { fen: 1 + random.below(500) } });
        if (fault === 'underApproval')
          await control('POST', '/faults', { underApproval: { fen: 1 + random.below(500) } });
        if (fault === 'decline') await control('POST', '/faults', { bankDecline: { code: '51' } });
      }

      /** A card payment for the sale, as the lane starts it; a crash leaves it as a killed process would. */
      async function payByCard(sale: FinalizeSaleInput, amountFen: number, firstOfSale = false) {
        const fault = random.pick(FAULTS);
        // A sale's first payment only: the process starts it with nothing on the sale that could refuse it.
        if (fault === 'crash' && firstOfSale && database().url && kills < REAL_KILLS) {
          return killedServerPays(sale, amountFen);
        }
        await inject(fault);
        const started = await startCardPayment(store.as('cashier'), {
          paymentId: newId(),
          laneId: lane.id,
          shiftId,
          saleId: sale.saleId,
          kind: 'sale',
          amountFen,
        }).catch(async (error: unknown) => {
          await control('DELETE', '/faults');
          throw error;
        });
        await cardTransactionRunning(started.id);
        await control('DELETE', '/faults');
        if (fault === 'crash') {
          // The process died between request and answer: the row stays in flight, nothing recorded, no query due.
          await database()
            .db.update(cardPayments)
            .set({ state: 'in_flight', respCode: null, approvedAmountFen: null, nextQueryAt: null, message: null })
            .where(eq(cardPayments.id, started.id));
          await markOrphanedCardPaymentsDue(resolverContext(), new Date(store.clock.now().getTime() + 1));
          await resolveDueCardPayments(resolverContext());
        }
        return paymentRow(started.id);
      }

      let kills = 0;
      /** A real server process starts the payment and is killed (SIGKILL) before it hears the answer; recovery asks. */
      async function killedServerPays(sale: FinalizeSaleInput, amountFen: number) {
        kills += 1;
        const afterApproval = random.chance(0.5);
        count(afterApproval ? 'fault kill after the approval' : 'fault kill at the PIN pad');
        const paymentId = newId();
        await control('POST', '/pinpad', { wait: true });
        const server = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            path.join(import.meta.dirname, '../testing/card-payment-process.ts'),
            JSON.stringify({ paymentId, laneId: lane.id, shiftId, saleId: sale.saleId, kind: 'sale', amountFen }),
            JSON.stringify({ staffId: store.members.cashier.id, storeId: store.storeId }),
          ],
          {
            env: {
              ...process.env,
              CRASH_TEST_DATABASE_URL: database().url ?? '',
              CRASH_TEST_NOW: store.clock.now().toISOString(),
            },
            stdio: ['ignore', 'ignore', 'inherit'],
          },
        );
        const journalBefore = simulator.state().terminal.journal.length;
        await expect
          .poll(() => simulator.state().terminal.inFlight?.ecrRef, { timeout: 30_000 })
          .toBe(ecrRefFor(paymentId));
        if (afterApproval) {
          await control('POST', '/faults', { answerDelay: { ms: 60_000 } });
          await control('POST', '/pinpad', { wait: false });
          await expect
            .poll(() => simulator.state().terminal.journal.length, { timeout: 10_000 })
            .toBe(journalBefore + 1);
        }
        server.kill('SIGKILL');
        await once(server, 'exit');
        await control('POST', '/pinpad', { wait: false });
        await expect.poll(() => simulator.state().terminal.inFlight, { timeout: 10_000 }).toBeNull();
        await control('DELETE', '/faults');
        // The restarted server: what the dead one left in flight is due, and the resolver asks for it.
        await markOrphanedCardPaymentsDue(resolverContext(), new Date(store.clock.now().getTime() + 1));
        await resolveDueCardPayments(resolverContext());
        return paymentRow(paymentId);
      }

      const refused = async (attempt: () => Promise<unknown>) => {
        try {
          await attempt();
          return false;
        } catch (error) {
          // Another rule may refuse too (a void of a sale with a card payment): the cashier is refused all the same.
          if (!(error instanceof DomainError)) throw error;
          count(`refused: ${error.reason}`);
          return true;
        }
      };

      const finishWith = (sale: FinalizeSaleInput, tenders: FinalizeSaleInput['tenders']) =>
        finalizeSale(store.as('cashier'), { ...sale, tenders });
      const cash = (amountFen: number) => ({ tenderId: newId(), kind: 'cash' as const, amountFen, reference: null });
      const cardTender = (paymentId: string, amountFen: number) => ({
        tenderId: newId(),
        kind: 'bank_card' as const,
        amountFen,
        reference: paymentId,
      });

      for (let n = 0; n < SALES; n += 1) {
        const product = random.pick(products);
        const sale = saleInput(lane.id, lane.number, shiftId, [saleLine(product, 1 + random.below(3))], []);
        const totalFen = sale.lines.reduce((sum, line) => sum + line.unitPriceFen * line.quantity, 0);
        let payment = await payByCard(sale, totalFen, true);
        // Bounded: the cashier tries a few times, then the customer leaves the sale open.
        for (let step = 0; step < 8; step += 1) {
          if (payment.state === 'approved') {
            const approved = payment.approvedAmountFen ?? 0;
            const rest = totalFen - approved;
            await finishWith(
              sale,
              rest > 0 ? [cardTender(payment.id, approved), cash(rest)] : [cardTender(payment.id, approved)],
            );
            count('sale finished by card');
            break;
          }
          if (!isOutcomeUnknown(payment.state)) {
            count(`card ${payment.state} ${payment.respCode ?? ''}`.trim());
            if (random.chance(0.5)) {
              await finishWith(sale, [cash(totalFen)]);
              count('sale finished in cash after a refusal');
              break;
            }
            payment = await payByCard(sale, totalFen);
            continue;
          }
          count('outcome unknown seen by the cashier');
          // The cashier tries to get on with it: another card, cash, or voiding the sale.
          const move = random.pick(['card', 'cash', 'void'] as const);
          if (move === 'card') {
            let again: Awaited<ReturnType<typeof payByCard>> | null = null;
            if (!(await refused(async () => (again = await payByCard(sale, totalFen))))) {
              count('card again while unknown ACCEPTED');
              if (again) payment = again;
              continue;
            }
          } else if (move === 'cash') {
            if (!(await refused(() => finishWith(sale, [cash(totalFen)])))) {
              count('cash while unknown ACCEPTED');
              break;
            }
          } else {
            const { approvalId } = await grantApproval(store.as('cashier'), {
              approvalId: newId(),
              saleId: sale.saleId,
              action: 'void-sale',
              operatorNo: store.members.supervisor.operatorNo,
              password: FIXTURE_PASSWORD,
            });
            const voided = refused(() =>
              voidOpenSale(store.as('cashier'), { saleId: sale.saleId, approvalId, lines: sale.lines }),
            );
            if (!(await voided)) {
              count('void while unknown ACCEPTED');
              break;
            }
          }
          count(`refused ${move} while unknown`);
          // Then waits while the resolver asks again, a minute of the store's clock at a time, or lets the customer go.
          if (random.chance(0.15)) {
            count('customer left with the outcome unknown');
            break;
          }
          for (let wait = 0; wait < 3 && isOutcomeUnknown(payment.state); wait += 1) {
            store.clock.advanceMinutes(1);
            await resolveDueCardPayments(resolverContext());
            payment = await paymentRow(payment.id);
          }
        }
      }

      // The day goes on with a healthy terminal, once it is done with the bank.
      await control('DELETE', '/faults');
      await expect.poll(() => simulator.state().terminal.inFlight, { timeout: 10_000 }).toBeNull();
      const terminalApprovals = () => {
        const { previousBatch, journal } = simulator.state().terminal;
        return [...previousBatch, ...journal].filter((entry) => entry.txnType === '00' && entry.outcome === 'approved');
      };
      // The manager settles some unknowns at once from the bank slip (the terminal's journal); the resolver the rest.
      for (const open of await listUnresolvedCardPayments(store.as('store_manager'))) {
        if (random.chance(0.5)) continue;
        const refs = await database()
          .db.select({ ecrRef: cardPaymentAttempts.ecrRef })
          .from(cardPaymentAttempts)
          .where(eq(cardPaymentAttempts.paymentId, open.id));
        const slip = terminalApprovals().find((entry) => refs.some((r) => r.ecrRef === entry.ecrRef));
        count(slip ? 'unknown settled by the manager as approved' : 'unknown settled by the manager as failed');
        await resolveCardPayment(
          store.as('store_manager'),
          slip
            ? {
                paymentId: open.id,
                outcome: 'approved',
                refNo: slip.rrn,
                voucherNo: String(slip.voucherNo).padStart(6, '0'),
                hostDate: slip.txnDate ?? undefined,
              }
            : { paymentId: open.id, outcome: 'failed', note: 'no slip' },
        );
      }
      for (let round = 0; round < 10; round += 1) {
        store.clock.advanceMinutes(2);
        await resolveDueCardPayments(resolverContext());
      }
      store.clock.advanceMinutes(31);
      // Some approvals on no sale the manager gives back at once; the others stay open on the exceptions list.
      for (const unattachedPayment of await unattachedCardPayments(store.as('store_manager'))) {
        if (random.chance(0.5)) continue;
        const action = random.pick(['void', 'refund'] as const);
        const followUp = await settleUnattachedCardPayment(store.as('store_manager'), {
          paymentId: unattachedPayment.id,
          followUpId: newId(),
          action,
        }).catch((error: unknown) => {
          if (!(error instanceof DomainError)) throw error;
          count(`exception not given back by ${action}: ${error.reason}`);
          return null;
        });
        if (!followUp) continue;
        const settled = await cardTransactionRunning(followUp.id);
        count(`exception given back by ${action}: ${settled?.state ?? (await paymentRow(followUp.id)).state}`);
      }
      const approvals = terminalApprovals();

      const payments = await database().db.select().from(cardPayments).where(eq(cardPayments.storeId, store.storeId));
      const attempts = await database().db.select().from(cardPaymentAttempts);
      const paymentByEcrRef = new Map<string, (typeof payments)[number]>();
      for (const p of payments) paymentByEcrRef.set(p.ecrRef, p);
      for (const a of attempts) {
        const p = payments.find((candidate) => candidate.id === a.paymentId);
        if (p) paymentByEcrRef.set(a.ecrRef, p);
      }
      const recorded = await database().db.select().from(sales).where(eq(sales.storeId, store.storeId));
      const tenders = recorded.length
        ? await database()
            .db.select()
            .from(saleTenders)
            .where(
              inArray(
                saleTenders.saleId,
                recorded.map((s) => s.id),
              ),
            )
        : [];
      const unattached = new Set((await unattachedCardPayments(store.as('store_manager'))).map((p) => p.id));
      const unresolved = new Set((await listUnresolvedCardPayments(store.as('store_manager'))).map((p) => p.id));
      const givenBack = new Set(
        payments
          .filter((p) => ['01', '02'].includes(p.txnType) && p.state === 'approved' && p.originalPaymentId)
          .map((p) => p.originalPaymentId),
      );

      const problems: string[] = [];
      const keptApprovalsBySale = new Map<string, number>();
      const keptFenBySale = new Map<string, number>();
      for (const entry of approvals) {
        const payment = paymentByEcrRef.get(entry.ecrRef);
        if (!payment) {
          problems.push(`approval ${entry.ecrRef} ¥${entry.amountFen / 100} has no card payment on the POS`);
          continue;
        }
        const claims = tenders.filter((t) => t.reference === payment.id).length;
        const back = entry.voided || givenBack.has(payment.id) ? 1 : 0;
        const homes = claims + back + (unattached.has(payment.id) ? 1 : 0) + (unresolved.has(payment.id) ? 1 : 0);
        if (claims) count('approval → sale tender');
        if (back) count('approval → void/refund');
        if (unattached.has(payment.id)) count('approval → exceptions list');
        if (unresolved.has(payment.id)) count('approval → manager unknown list');
        if (homes !== 1) {
          problems.push(
            `approval ${entry.ecrRef} ¥${entry.amountFen / 100} (POS ${payment.state}, sale ${payment.saleId}): ` +
              `${claims} tenders, ${back} given back, unattached ${unattached.has(payment.id)}, unknown ${unresolved.has(payment.id)}; ` +
              `voucher ${entry.voucherNo} (POS ${payment.voucherNo}, resolved by ${payment.resolvedByStaffId ? 'manager' : 'terminal'}), ` +
              `follow-ups: ${JSON.stringify(payments.filter((f) => f.originalPaymentId === payment.id).map((f) => [f.txnType, f.state, f.respCode, f.approvedAmountFen]))}`,
          );
        }
        if (!back && payment.saleId) {
          keptApprovalsBySale.set(payment.saleId, (keptApprovalsBySale.get(payment.saleId) ?? 0) + 1);
          keptFenBySale.set(payment.saleId, (keptFenBySale.get(payment.saleId) ?? 0) + entry.amountFen);
        }
      }
      for (const [saleId, kept] of keptApprovalsBySale) {
        if (kept > 1) problems.push(`sale ${saleId} charged ${kept} times by card`);
      }
      for (const s of recorded) {
        const own = tenders.filter((t) => t.saleId === s.id);
        const tendered = own.reduce((sum, t) => sum + t.amountFen, 0);
        if (tendered !== s.totalFen) problems.push(`sale ${s.receiptNo}: tenders ${tendered} ≠ total ${s.totalFen}`);
        // What the customer paid: cash and the like, plus every card approval kept for this sale.
        const paid = own.filter((t) => t.kind !== 'bank_card').reduce((sum, t) => sum + t.amountFen, 0);
        const charged = paid + (keptFenBySale.get(s.id) ?? 0);
        if (charged > s.totalFen)
          problems.push(`sale ${s.receiptNo} charged ¥${charged / 100} for ¥${s.totalFen / 100}`);
      }

      counts['terminal approvals'] = approvals.length;
      counts['sales recorded'] = recorded.length;
      console.log(
        `card fuzz seed ${SEED}, ${SALES} sales:\n` +
          Object.entries(counts)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([key, value]) => `  ${key}: ${value}`)
            .join('\n'),
      );
      if (problems.length > 0) console.log(`card fuzz seed ${SEED} problems:\n  ${problems.join('\n  ')}`);
      expect(problems, `seed ${SEED}`).toEqual([]);
    },
  );
});

import { spendApproval } from '../approvals/spend-approval';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { heldInSale } from '../domain/negative-stock';
import { discountNeedsApproval, lineGrossFen } from '../domain/sale';
import { checkSales, type SaleToRecord } from './check-sales';
import { claimCardPayments } from './claim-card-payments';
import type { FinalizedSale } from './finalize-sale';
import { writeSales } from './write-sales';

/**
 * Records one sale in its own transaction (or the caller's): checks, rows, then the approvals it spends and
 * the audit rows of its price overrides, discount and voided lines, all committed together.
 */
export async function recordSaleAlone(sale: SaleToRecord): Promise<FinalizedSale> {
  return inTransaction(sale.ctx, async (tx) => {
    const verdict = await checkAndWrite(tx, sale);
    if (verdict.kind === 'recorded') return verdict.answer;
    await recordApprovals(tx, sale, verdict.catalogPrices);
    await recordNegativeStockApprovals(tx, sale);
    for (const { line, voidedAt } of sale.input.voidedLines) {
      await writeAudit(tx, {
        action: 'sale.line-voided',
        entityType: 'sale',
        entityId: sale.input.saleId,
        summary: `${sale.input.receiptNo} − ${line.nameZh} × ${line.weightGrams ?? line.quantity}`,
        changes: {
          line: {
            from: {
              productId: line.productId,
              quantity: line.quantity,
              unitPriceFen: line.unitPriceFen,
              grossFen: lineGrossFen(line),
              voidedAt,
            },
            to: null,
          },
        },
      });
    }
    return verdict.answer;
  });
}

const MAX_ATTEMPTS = 3;

/**
 * Checks the sale and writes it, or answers how it was recorded before. The write requires the facts the sale
 * was judged on to still hold, so a price or time zone changed in between means judging it again.
 */
async function checkAndWrite(tx: StaffContext, sale: SaleToRecord) {
  let claimed = false;
  for (let attempt = 1; ; attempt++) {
    const [verdict] = await checkSales(tx.db, [{ ...sale, ctx: tx }]);
    if (!verdict) throw new Error('checkSales answers one verdict per sale');
    if (verdict.kind === 'refused') throw verdict.error;
    if (verdict.kind === 'recorded') return verdict;
    if (!claimed) await claimCardPayments(tx, sale.input.saleId, sale.input.tenders);
    claimed = true;
    if ((await writeSales(tx.db, [verdict.rows])).has(sale.input.saleId)) return verdict;
    if (attempt === MAX_ATTEMPTS) {
      throw new DomainError('CONFLICT', 'sale.conflict', 'The sale could not be recorded; send it again');
    }
  }
}

/** Price overrides and discounts beyond the cashier's limit stand only with a supervisor's approval, audited. */
async function recordApprovals(
  tx: StaffContext,
  { input, totals }: SaleToRecord,
  catalogPrices: ReadonlyMap<string, number>,
): Promise<void> {
  for (const line of input.lines) {
    if (!line.overrideApprovalId) continue;
    const approverStaffId = await spendApproval(tx, line.overrideApprovalId, 'price-override', input.saleId);
    await writeAudit(tx, {
      action: 'sale.price-overridden',
      entityType: 'sale',
      entityId: input.saleId,
      approverStaffId,
      summary: `${input.receiptNo} ${line.nameZh}`,
      changes: { unitPriceFen: { from: catalogPrices.get(line.productId) ?? null, to: line.unitPriceFen } },
    });
  }
  if (!discountNeedsApproval(totals)) return;
  if (!input.discountApprovalId) {
    throw new DomainError('FORBIDDEN', 'sale.discount-needs-approval', 'This discount needs a supervisor’s approval');
  }
  const approverStaffId = await spendApproval(tx, input.discountApprovalId, 'discount', input.saleId);
  await writeAudit(tx, {
    action: 'sale.discount-approved',
    entityType: 'sale',
    entityId: input.saleId,
    approverStaffId,
    summary: input.receiptNo,
    changes: { discountFen: { from: 0, to: totals.discountFen }, grossFen: { from: null, to: totals.grossFen } },
  });
}

/** Selling beyond the known on hand under a 'block' policy: each approval spent on this sale, audited with its approver. */
async function recordNegativeStockApprovals(tx: StaffContext, { input }: SaleToRecord): Promise<void> {
  for (const approval of input.negativeStockApprovals) {
    const line = input.lines.find((l) => l.productId === approval.productId);
    if (!line) {
      throw new DomainError('INVALID', 'sale.negative-stock-product', 'The stock approval names a product not sold');
    }
    const approverStaffId = await spendApproval(tx, approval.approvalId, 'negative-stock', input.saleId);
    await writeAudit(tx, {
      action: 'sale.negative-stock-approved',
      entityType: 'sale',
      entityId: input.saleId,
      approverStaffId,
      summary: `${input.receiptNo} ${line.nameZh}`,
      changes: {
        productId: { from: null, to: approval.productId },
        approvedQuantity: { from: null, to: approval.quantity },
        soldQuantity: { from: null, to: heldInSale(input.lines, approval.productId) },
      },
    });
  }
}

import ExcelJS from 'exceljs';
import type { StaffContext } from '../core/context';
import { storeFileName } from '../exports/store-file-name';
import { cardReconciliation, type CardReconciliationInput } from './card-reconciliation';

const KIND_NAMES = { debit: '借记卡 Debit', credit: '贷记卡 Credit', foreign: '外卡 Foreign' } as const;
const yuan = (fen: number) => fen / 100;

/** The reconciliation report as an .xlsx a manager can open and file, in base64 for the wire. */
export async function cardReconciliationWorkbook(ctx: StaffContext, input: CardReconciliationInput) {
  const report = await cardReconciliation(ctx, input);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('银行卡对账');
  sheet.columns = [
    { header: '日期 Day', key: 'day', width: 12 },
    { header: '卡类 Card', key: 'kind', width: 16 },
    { header: '笔数 Count', key: 'count', width: 10 },
    { header: '消费 Sales', key: 'sales', width: 14, style: { numFmt: '#,##0.00' } },
    { header: '退货 Refunds', key: 'refunds', width: 14, style: { numFmt: '#,##0.00' } },
    { header: '手续费 Fees', key: 'fees', width: 14, style: { numFmt: '#,##0.00' } },
    { header: '应入账 Net deposit', key: 'net', width: 18, style: { numFmt: '#,##0.00' } },
  ];
  for (const row of report.rows) {
    sheet.addRow({
      day: row.day,
      kind: KIND_NAMES[row.cardKind],
      count: row.salesCount,
      sales: yuan(row.salesFen),
      refunds: yuan(row.refundsFen),
      fees: yuan(row.feesFen),
      net: yuan(row.netFen),
    });
  }
  const total = sheet.addRow({
    day: '合计 Total',
    count: report.totals.salesCount,
    sales: yuan(report.totals.salesFen),
    refunds: yuan(report.totals.refundsFen),
    fees: yuan(report.totals.feesFen),
    net: yuan(report.totals.netFen),
  });
  total.font = { bold: true };
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: await storeFileName(ctx, 'card-reconciliation', 'xlsx', { from: report.from, to: report.to }),
    base64: Buffer.from(buffer).toString('base64'),
  };
}

'use client';

import { toSVG } from 'bwip-js/browser';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { formatFen } from '@/server/domain/money';
import { lineWeightGrams } from '@/server/domain/sale';
import type { FinalizeSaleInput } from '@/server/sales/finalize-sale';
import { cartTotals, type Cart } from './cart';

export interface ReceiptStore {
  name: string;
  address: string;
  vatNumber: string;
}

/** The 80 mm receipt, on screen and in print (print CSS hides everything else). */
export function Receipt({
  cart,
  sale,
  store,
  cashier,
  laneNumber,
}: {
  cart: Cart;
  sale: FinalizeSaleInput;
  store: ReceiptStore;
  cashier: string;
  laneNumber: number;
}) {
  const t = useT();
  const totals = cartTotals(cart);
  const barcode = useMemo(
    () => toSVG({ bcid: 'code128', text: sale.receiptNo, height: 10, includetext: true, textxalign: 'center' }),
    [sale.receiptNo],
  );
  return (
    <section
      aria-label={t('lane.receipt')}
      className="receipt mx-auto w-[80mm] bg-white p-3 font-mono text-xs text-black"
    >
      <h2 className="text-center text-sm font-bold">{store.name}</h2>
      <p className="text-center">{store.address}</p>
      <p className="text-center">税号 {store.vatNumber}</p>
      <hr className="my-2 border-dashed border-black" />
      <table className="w-full">
        <tbody>
          {cart.lines.map((line, i) => {
            const grams = lineWeightGrams(line);
            return (
              <tr key={line.lineId}>
                <td>
                  {line.nameZh}
                  <div>
                    {grams !== null
                      ? `${(grams / 1000).toFixed(3)}kg × ${formatFen(line.unitPriceFen)}`
                      : `${line.quantity} × ${formatFen(line.unitPriceFen)}`}
                  </div>
                </td>
                <td className="text-right align-top">{formatFen(totals.lines[i]?.totalFen ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <hr className="my-2 border-dashed border-black" />
      <p className="flex justify-between font-bold" data-testid="receipt-total">
        <span>{t('lane.total')}</span>
        <span>{formatFen(totals.totalFen, { symbol: true })}</span>
      </p>
      {sale.tenders.map((tender) => (
        <p key={tender.tenderId} className="flex justify-between">
          <span>
            {tender.kind === 'cash' ? t('lane.cash') : tender.kind === 'bank_card' ? t('lane.card') : tender.kind}
          </span>
          <span>{formatFen(tender.amountFen)}</span>
        </p>
      ))}
      <p className="flex justify-between" data-testid="receipt-change">
        <span>{t('lane.change')}</span>
        <span>{formatFen(totals.settlement.changeFen, { symbol: true })}</span>
      </p>
      <hr className="my-2 border-dashed border-black" />
      <table className="w-full">
        <thead>
          <tr>
            <th className="text-left">{t('lane.vatRate')}</th>
            <th className="text-right">{t('lane.net')}</th>
            <th className="text-right">{t('lane.vat')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.vat.map((row) => (
            <tr key={row.vatRateBps}>
              <td>{row.vatRateBps / 100}%</td>
              <td className="text-right">{formatFen(row.netFen)}</td>
              <td className="text-right">{formatFen(row.vatFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <hr className="my-2 border-dashed border-black" />
      <p>
        {t('lane.cashier')} {cashier} · {t('lane.laneNo')} {laneNumber}
      </p>
      <p>
        {t('lane.time')} {sale.soldAt.toLocaleString('zh-CN')}
      </p>
      <p>
        {t('lane.receiptNo')} <span data-testid="receipt-no">{sale.receiptNo}</span>
      </p>
      <div className="mt-2" dangerouslySetInnerHTML={{ __html: barcode }} />
      {sale.tenders
        .filter((tender) => tender.kind === 'bank_card' && tender.reference)
        .map((tender) => (
          <BankSlip key={tender.tenderId} paymentId={tender.reference ?? ''} />
        ))}
    </section>
  );
}

/** The bank's slip printed with the receipt: a merchant copy the customer signs, and the customer's copy. */
function BankSlip({ paymentId }: { paymentId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const payment = useQuery({ ...trpc.lane.cardPayment.queryOptions({ paymentId }), staleTime: Infinity });
  const slip = payment.data?.slip;
  if (!slip) return null;
  return (
    <div aria-label={t('lane.bankSlip')} role="group">
      {[t('lane.merchantCopy'), t('lane.customerCopy')].map((copy, index) => (
        <div key={copy} className="mt-3 break-before-page">
          <hr className="my-2 border-dashed border-black" />
          <p className="text-center font-bold">
            {t('lane.bankSlip')} · {copy}
          </p>
          <pre className="whitespace-pre-wrap font-mono text-[11px]">{slip}</pre>
          {index === 0 && !slip.includes('签名') && <p className="mt-4">{t('lane.signature')} ____________</p>}
        </div>
      ))}
    </div>
  );
}

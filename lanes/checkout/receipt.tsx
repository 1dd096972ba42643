'use client';

import { toSVG } from 'bwip-js/browser';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useMemo } from 'react';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { formatFen } from '@/server/domain/money';
import {
  layoutReceipt,
  pricedReceiptLines,
  type ReceiptAmountRow,
  type ReceiptLanguage,
} from '@/server/domain/receipt';
import type { FinalizeSaleInput } from '@/server/sales/finalize-sale';
import { cartTotals, type Cart } from './cart';

export interface ReceiptStore {
  name: string;
  nameEn: string;
  address: string;
  vatNumber: string;
  receiptLanguage: ReceiptLanguage;
}

/**
 * The 80 mm receipt, on screen and in print (print CSS hides everything else): the same layout the server prints,
 * in the store's receipt language and time zone, whatever the cashier's screen speaks and the machine's zone is.
 */
export function Receipt({
  cart,
  sale,
  store,
  cashier,
  laneNumber,
  timeZone,
}: {
  cart: Cart;
  sale: FinalizeSaleInput;
  store: ReceiptStore;
  cashier: string;
  laneNumber: number;
  timeZone: string;
}) {
  const t = useT();
  const receipt = layoutReceipt({
    language: store.receiptLanguage,
    timeZone,
    store,
    kind: 'sale',
    lines: pricedReceiptLines(cart.lines, cart.saleDiscount),
    tenders: sale.tenders,
    changeFen: cartTotals(cart).settlement.changeFen,
    cashier,
    laneNumber,
    soldAt: sale.soldAt,
    receiptNo: sale.receiptNo,
    reprint: false,
  });
  const barcode = useMemo(
    () => toSVG({ bcid: 'code128', text: sale.receiptNo, height: 10, includetext: true, textxalign: 'center' }),
    [sale.receiptNo],
  );
  const amountRow = (row: ReceiptAmountRow, testId?: string, emphasis = false) => (
    <p className={`flex justify-between${emphasis ? ' font-bold' : ''}`} data-testid={testId}>
      <span>{row.label}</span>
      <span>{formatFen(row.amountFen, { symbol: emphasis })}</span>
    </p>
  );
  return (
    <section
      aria-label={t('lane.receipt')}
      lang={store.receiptLanguage === 'en' ? 'en' : 'zh-CN'}
      className="receipt mx-auto w-[80mm] bg-white p-3 font-mono text-xs text-black"
    >
      {receipt.storeNames.map((name, index) =>
        index === 0 ? (
          <h2 key={name} className="text-center text-sm font-bold">
            {name}
          </h2>
        ) : (
          <p key={name} className="text-center font-bold" lang="en">
            {name}
          </p>
        ),
      )}
      <p className="text-center">{receipt.address}</p>
      <p className="text-center">{receipt.vatNumber}</p>
      {receipt.notes.map((note) => (
        <p key={note} className="text-center font-bold">
          {note}
        </p>
      ))}
      <hr className="my-2 border-dashed border-black" />
      <table className="w-full">
        <tbody>
          {receipt.lines.map((line, index) => (
            <Fragment key={cart.lines[index]?.lineId ?? index}>
              <tr>
                <td>
                  {line.names.map((name) => (
                    <div key={name}>{name}</div>
                  ))}
                  <div>{line.detail}</div>
                </td>
                <td className="text-right align-top">{formatFen(line.amountFen)}</td>
              </tr>
              {line.discount && (
                <tr data-testid="receipt-line-discount">
                  <td className="pl-4">{line.discount.label}</td>
                  <td className="text-right">{formatFen(line.discount.amountFen)}</td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      <hr className="my-2 border-dashed border-black" />
      {receipt.saleDiscount && amountRow(receipt.saleDiscount, 'receipt-sale-discount')}
      {amountRow(receipt.total, 'receipt-total', true)}
      {receipt.tenders.map((tender, index) => (
        <Fragment key={sale.tenders[index]?.tenderId ?? index}>{amountRow(tender)}</Fragment>
      ))}
      <p className="flex justify-between" data-testid="receipt-change">
        <span>{receipt.change.label}</span>
        <span>{formatFen(receipt.change.amountFen, { symbol: true })}</span>
      </p>
      <hr className="my-2 border-dashed border-black" />
      <table className="w-full">
        <thead>
          <tr>
            <th className="text-left">{receipt.vatHeadings.rate}</th>
            <th className="text-right">{receipt.vatHeadings.net}</th>
            <th className="text-right">{receipt.vatHeadings.vat}</th>
          </tr>
        </thead>
        <tbody>
          {receipt.vat.map((row) => (
            <tr key={row.vatRateBps}>
              <td>{row.vatRateBps / 100}%</td>
              <td className="text-right">{formatFen(row.netFen)}</td>
              <td className="text-right">{formatFen(row.vatFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <hr className="my-2 border-dashed border-black" />
      <p>{receipt.staff}</p>
      <p data-testid="receipt-time">{receipt.time}</p>
      <p>
        {receipt.receiptNoLabel} <span data-testid="receipt-no">{receipt.receiptNo}</span>
      </p>
      <div
        className="mt-2"
        role="img"
        aria-label={`${receipt.receiptNoLabel} ${receipt.receiptNo}`}
        dangerouslySetInnerHTML={{ __html: barcode }}
      />
      <p className="mt-2 text-center">{receipt.thanks}</p>
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

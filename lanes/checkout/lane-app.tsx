'use client';

import { useState } from 'react';
import { useT } from '@/app/i18n/locale-provider';
import { LaneHeader } from './lane-header';
import { LaneSignIn } from './lane-sign-in';
import type { ReceiptStore } from './receipt';
import { ReceiptScreen, type FinishedSale } from './receipt-screen';
import { SaleScreen } from './sale-screen';
import { useLane, type LaneConfig } from './use-lane';
import { useLaneServiceWorker } from './use-lane-service-worker';

/** The checkout lane: sign-in, then selling, with the last sale's receipt between customers. */
export function LaneApp({ config, store }: { config: LaneConfig; store: ReceiptStore }) {
  const t = useT();
  const lane = useLane(config);
  useLaneServiceWorker();
  const [lastSale, setLastSale] = useState<FinishedSale | null>(null);
  if (!lane.ready) return <p className="p-8">{t('lane.loading')}</p>;
  return (
    <div className="flex min-h-screen flex-col bg-slate-100">
      <LaneHeader lane={lane} store={store} />
      {!lane.session ? (
        <LaneSignIn config={config} onSignedIn={lane.signedIn} />
      ) : lastSale ? (
        <ReceiptScreen
          lane={lane}
          sale={lastSale}
          store={store}
          cashier={lane.session.staffName}
          onNextCustomer={() => setLastSale(null)}
        />
      ) : (
        <SaleScreen lane={lane} onFinished={setLastSale} />
      )}
    </div>
  );
}

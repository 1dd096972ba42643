import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { LocaleProvider } from './i18n/locale-provider';
import { getLocale } from './i18n/server-locale';
import { TrpcProviders } from './trpc/client';
import './globals.css';

export const metadata: Metadata = { title: 'Lanekeeper', description: 'Retail point of sale' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-100 text-slate-900">
        <LocaleProvider locale={locale}>
          <TrpcProviders>{children}</TrpcProviders>
        </LocaleProvider>
      </body>
    </html>
  );
}

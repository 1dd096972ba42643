import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getLocale } from '@/app/i18n/server-locale';
import { translate } from '@/app/i18n/messages';
import { currentStaff, mayEnterBackOffice } from '@/app/session';
import { can } from '@/server/auth/permissions';
import { BackOfficeHeader, SignOutButton } from '@/app/components/back-office-header';

export const dynamic = 'force-dynamic';

export default async function BackOfficeLayout({ children }: { children: ReactNode }) {
  const member = await currentStaff();
  if (!member) redirect('/sign-in');
  const locale = await getLocale();
  if (!mayEnterBackOffice(member)) {
    return (
      <main className="mx-auto mt-24 max-w-md rounded bg-white p-8 shadow" role="alert">
        <h1 className="mb-2 text-xl font-semibold">{translate(locale, 'forbidden.title')}</h1>
        <p className="mb-6 text-slate-600">{translate(locale, 'forbidden.body')}</p>
        <SignOutButton />
      </main>
    );
  }
  return (
    <div className="min-h-screen">
      <BackOfficeHeader
        member={{
          name: member.name,
          role: member.role,
          operatorNo: member.operatorNo,
          mayChooseStore: can(member.role, 'stores.switch'),
        }}
      />
      <main className="mx-auto max-w-6xl p-4 sm:p-6">{children}</main>
    </div>
  );
}

'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { chooseLocale, useLocale, useT } from '@/app/i18n/locale-provider';
import { type LOCALES, type MessageKey } from '@/app/i18n/messages';
import { useTRPC } from '@/app/trpc/client';
import { currentMenuHref } from '@/app/components/current-menu-item';
import { can, type Permission, type StaffRole } from '@/server/auth/permissions';

const NAV: { href: string; label: MessageKey; permission: Permission }[] = [
  { href: '/products', label: 'nav.products', permission: 'catalog.read' },
  { href: '/stock', label: 'nav.stock', permission: 'inventory.read' },
  { href: '/receiving', label: 'nav.receiving', permission: 'inventory.read' },
  { href: '/stocktakes', label: 'nav.stocktakes', permission: 'inventory.read' },
  { href: '/transfers', label: 'nav.transfers', permission: 'inventory.read' },
  { href: '/staff', label: 'nav.staff', permission: 'staff.read' },
  { href: '/settings', label: 'nav.settings', permission: 'back-office.enter' },
  { href: '/sales-review', label: 'nav.salesReview', permission: 'sales.review' },
  { href: '/cards', label: 'nav.cards', permission: 'card.read' },
  { href: '/audit', label: 'nav.audit', permission: 'audit.read' },
  { href: '/stores', label: 'nav.stores', permission: 'stores.manage' },
];

export function SignOutButton() {
  const t = useT();
  const trpc = useTRPC();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({ onSettled: () => window.location.assign('/sign-in') }),
  );
  return (
    <button type="button" className="btn-secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      {t('nav.signOut')}
    </button>
  );
}

export function LanguageSwitcher() {
  const t = useT();
  const locale = useLocale();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>{t('nav.language')}</span>
      <select
        aria-label={t('nav.language')}
        className="rounded border border-slate-300 bg-white px-2 py-1"
        value={locale}
        onChange={(event) => chooseLocale(event.target.value as (typeof LOCALES)[number])}
      >
        <option value="zh-CN">中文</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}

function StoreSwitcher() {
  const t = useT();
  const trpc = useTRPC();
  const stores = useQuery(trpc.store.list.queryOptions());
  const current = useQuery(trpc.store.settings.queryOptions());
  const choose = useMutation(trpc.store.choose.mutationOptions({ onSuccess: () => window.location.reload() }));
  if (!stores.data || !current.data) return null;
  return (
    <select
      aria-label={t('nav.store')}
      className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
      value={current.data.store.id}
      onChange={(event) => choose.mutate({ storeId: event.target.value })}
    >
      {stores.data.map((store) => (
        <option key={store.id} value={store.id}>
          {store.code} {store.name}
        </option>
      ))}
    </select>
  );
}

export function BackOfficeHeader({
  member,
}: {
  member: { name: string; role: StaffRole; operatorNo: string; mayChooseStore: boolean };
}) {
  const t = useT();
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const items = NAV.filter((item) => can(member.role, item.permission));
  const current = currentMenuHref(
    pathname,
    items.map((item) => item.href),
  );
  // Two rows that wrap, so the header never widens the page; below md the menu folds behind a button.
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 sm:px-6">
        <span className="font-semibold text-brand-700">{t('app.name')}</span>
        <button
          type="button"
          className="btn-secondary md:hidden"
          aria-expanded={menuOpen}
          aria-controls="back-office-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('nav.menu')}
        </button>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-x-4 gap-y-2">
          {member.mayChooseStore && <StoreSwitcher />}
          <LanguageSwitcher />
          <span className="text-sm text-slate-600">
            {member.name} · {t(`role.${member.role}`)}
          </span>
          <SignOutButton />
        </div>
      </div>
      <nav
        id="back-office-menu"
        aria-label={t('app.backOffice')}
        className={`${menuOpen ? 'flex' : 'hidden'} mx-auto max-w-6xl flex-col px-4 pb-2 text-sm sm:px-6 md:flex md:flex-row md:flex-wrap md:gap-x-5 md:gap-y-1`}
      >
        {items.map((item) => (
          <Link
            key={item.href}
            href={item.href}
            aria-current={item.href === current ? 'page' : undefined}
            className="py-2 text-slate-600 hover:text-brand-700 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700 md:py-1"
            onClick={() => setMenuOpen(false)}
          >
            {t(item.label)}
          </Link>
        ))}
      </nav>
    </header>
  );
}

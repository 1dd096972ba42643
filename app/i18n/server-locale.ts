import { cookies, headers } from 'next/headers';
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from './messages';

export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

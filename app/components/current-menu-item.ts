/**
 * The menu entry a page belongs to: the longest entry that is the page's path or a folder above it,
 * so "/stock" is current on "/stock/adjustments" but not on "/stocktakes".
 */
export function currentMenuHref(pathname: string, hrefs: readonly string[]): string | undefined {
  const above = hrefs.filter(
    (href) => pathname === href || pathname.startsWith(href.endsWith('/') ? href : `${href}/`),
  );
  return above.sort((a, b) => b.length - a.length)[0];
}

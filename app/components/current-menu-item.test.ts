import { describe, expect, it } from 'vitest';
import { currentMenuHref } from './current-menu-item';

const MENU = ['/products', '/stock', '/receiving', '/stocktakes', '/transfers', '/settings', '/stores'];

describe('currentMenuHref', () => {
  it('marks the entry of the page itself and of the pages below it', () => {
    expect(currentMenuHref('/stock', MENU)).toBe('/stock');
    expect(currentMenuHref('/stock/adjustments/new', MENU)).toBe('/stock');
    expect(currentMenuHref('/products/labels', MENU)).toBe('/products');
  });

  it('does not take a longer name for a page below: "/stock" is not above "/stocktakes"', () => {
    expect(currentMenuHref('/stocktakes', MENU)).toBe('/stocktakes');
    expect(currentMenuHref('/stocktakes/0190f0f0-0000-7000-8000-000000000000/report', MENU)).toBe('/stocktakes');
    expect(currentMenuHref('/stores/new', MENU)).toBe('/stores');
  });

  it('prefers the deepest entry when entries nest, and marks none outside the menu', () => {
    expect(currentMenuHref('/stock/adjustments/1', [...MENU, '/stock/adjustments'])).toBe('/stock/adjustments');
    expect(currentMenuHref('/', MENU)).toBeUndefined();
    expect(currentMenuHref('/audit', MENU)).toBeUndefined();
  });
});

'use client';

import { ProductPicker } from '@/app/components/product-picker';
import { useT } from '@/app/i18n/locale-provider';
import { useFetchStockProduct, type PickedProduct as ReceivingPickedProduct } from '../receiving/product-picker';

export type PickedProduct = ReceivingPickedProduct;

/**
 * Picks a product for a stock document's lines: by item code, barcode or scale label (scanner or typing, Enter or
 * the button), the way the receiving forms resolve codes, or by search.
 */
export function StockProductPicker({ onPick }: { onPick: (product: PickedProduct) => void }) {
  const t = useT();
  const fetchProduct = useFetchStockProduct();
  return (
    <ProductPicker
      labels={{
        code: t('stock.barcode'),
        codeButton: t('stock.addByBarcode'),
        notFound: t('common.error'),
        search: t('stock.findProduct'),
        searchPlaceholder: t('products.searchHint'),
        results: t('stock.searchResults'),
        pick: (product) => t('stock.addProduct', { name: product.nameZh }),
        pickButton: t('stock.add'),
        noResults: t('products.none'),
      }}
      resolveCode={(code) => fetchProduct({ code })}
      resolveListed={(product) => fetchProduct({ productId: product.id })}
      onPick={(product) => onPick(product)}
      keepCodeUntilFound
    />
  );
}

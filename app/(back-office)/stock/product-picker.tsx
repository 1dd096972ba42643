'use client';

import { useQueryClient } from '@tanstack/react-query';
import { ProductPicker, type ListedProduct } from '@/app/components/product-picker';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';

export type PickedProduct = ListedProduct;

/** Picks a product for a stock document's lines: by barcode (scanner or typing, Enter or the button) or by search. */
export function StockProductPicker({ onPick }: { onPick: (product: PickedProduct) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
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
      resolveCode={async (code) =>
        (await queryClient.fetchQuery(trpc.catalog.resolveScan.queryOptions({ code }))).product
      }
      resolveListed={(product) => product}
      onPick={(product) => onPick(product)}
      keepCodeUntilFound
    />
  );
}

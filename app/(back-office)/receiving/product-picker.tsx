'use client';

import { useQueryClient } from '@tanstack/react-query';
import { ProductPicker, productName } from '@/app/components/product-picker';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';

export interface PickedProduct {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: 'each' | 'kg';
  onHand: number;
  suggestedCostFen: number;
  /** From a scale label: the weight it carries, in grams. */
  weightGrams: number | null;
}

/**
 * Reads a product for a stock document, fresh each time: by id, or by what was scanned or typed (item code, barcode,
 * scale label or PLU), with its on hand and the cost its stock is valued at.
 */
export function useFetchStockProduct() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (input: { code: string } | { productId: string }): Promise<PickedProduct> =>
    queryClient.fetchQuery({ ...trpc.receiving.product.queryOptions(input), staleTime: 0 });
}

/** Picks a product with its on hand and suggested cost, read fresh for each pick. */
export function ReceivingProductPicker({ onPick }: { onPick: (product: PickedProduct, scanned: boolean) => void }) {
  const t = useT();
  const locale = useLocale();
  const fetchProduct = useFetchStockProduct();
  return (
    <ProductPicker
      labels={{
        code: t('receiving.scan'),
        codeHint: t('receiving.scanHint'),
        notFound: t('receiving.notFound'),
        search: t('receiving.searchProduct'),
        results: t('receiving.searchProduct'),
        pick: (product) => t('receiving.add', { name: productName(locale, product) }),
      }}
      resolveCode={(code) => fetchProduct({ code })}
      resolveListed={(product) => fetchProduct({ productId: product.id })}
      onPick={onPick}
    />
  );
}

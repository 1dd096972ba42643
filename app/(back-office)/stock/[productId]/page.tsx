import { ProductStock } from './product-stock';

export default async function ProductStockPage({ params }: { params: Promise<{ productId: string }> }) {
  const { productId } = await params;
  return <ProductStock productId={productId} />;
}

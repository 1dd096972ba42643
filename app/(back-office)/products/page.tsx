import { ProductList } from './product-list';

export default function ProductsPage() {
  return <ProductList />;
}

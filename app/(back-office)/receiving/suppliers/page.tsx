import { SupplierList } from './supplier-list';

export default function SuppliersPage() {
  return <SupplierList />;
}

import { ImportForm } from './import-form';

export default function ImportProductsPage() {
  return <ImportForm />;
}

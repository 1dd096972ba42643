import { OrderForm } from './order-form';

export default function NewOrderPage() {
  return <OrderForm />;
}

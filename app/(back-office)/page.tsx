import { redirect } from 'next/navigation';

export default function BackOfficeHome() {
  redirect('/products');
}

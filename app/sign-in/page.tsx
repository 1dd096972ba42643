import { redirect } from 'next/navigation';
import { currentStaff, mayEnterBackOffice } from '@/app/session';
import { SignInForm } from './sign-in-form';

export const dynamic = 'force-dynamic';

export default async function SignInPage() {
  const member = await currentStaff();
  if (member && mayEnterBackOffice(member)) redirect('/products');
  return <SignInForm />;
}

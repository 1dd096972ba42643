import { redirect } from 'next/navigation';
import { currentStaff } from '@/app/session';
import { can } from '@/server/auth/permissions';
import { StoresManager } from './stores-manager';

export default async function StoresPage() {
  const member = await currentStaff();
  if (!member || !can(member.role, 'stores.manage')) redirect('/');
  return <StoresManager />;
}

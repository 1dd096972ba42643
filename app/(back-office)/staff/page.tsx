import { StaffManager } from './staff-manager';

export default function StaffPage() {
  return <StaffManager />;
}

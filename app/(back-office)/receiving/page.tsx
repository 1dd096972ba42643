import { ReceivingOverview } from './receiving-overview';

export default function ReceivingPage() {
  return <ReceivingOverview />;
}

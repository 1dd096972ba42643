import { NewAdjustment } from './new-adjustment';

export default function NewAdjustmentPage() {
  return <NewAdjustment />;
}

import { ReorderBoard } from './reorder-board';

export default function ReorderPage() {
  return <ReorderBoard />;
}

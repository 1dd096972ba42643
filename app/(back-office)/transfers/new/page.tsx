import { NewTransfer } from './new-transfer';

export default function NewTransferPage() {
  return <NewTransfer />;
}

import { StockList } from './stock-list';

export default function StockPage() {
  return <StockList />;
}

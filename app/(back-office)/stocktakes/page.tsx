import { StocktakeList } from './stocktake-list';

export default function StocktakesPage() {
  return <StocktakeList />;
}

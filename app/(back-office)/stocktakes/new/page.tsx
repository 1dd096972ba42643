import { StartStocktakeForm } from './start-stocktake-form';

export default function NewStocktakePage() {
  return <StartStocktakeForm />;
}

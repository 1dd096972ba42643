import { CountScreen } from './count-screen';

export default async function StocktakeCountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CountScreen id={id} />;
}

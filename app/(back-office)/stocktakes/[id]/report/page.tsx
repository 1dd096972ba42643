import { VarianceReport } from './variance-report';

export default async function StocktakeReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <VarianceReport id={id} />;
}

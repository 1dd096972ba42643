import type { ReactNode } from 'react';

/** The row a repeated button acts on, read after its visible text ("Edit" is heard as "Edit 可口可乐"). */
export function RowName({ children }: { children: ReactNode }) {
  return <span className="sr-only"> {children}</span>;
}

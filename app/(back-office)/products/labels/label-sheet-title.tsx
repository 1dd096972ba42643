'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '@/app/trpc/client';

/** Titles the page with the sheet's file name, which the browser offers when the sheet is saved as a PDF. */
export function LabelSheetTitle() {
  const trpc = useTRPC();
  const name = useQuery(trpc.catalogIo.labelSheetName.queryOptions());
  const title = name.data?.title;
  useEffect(() => {
    if (!title) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
  return null;
}

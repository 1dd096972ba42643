/** Messages of the catalog-io screens, merged into messages.ts; every key in both languages. */
export const catalogIoZh = {} as const;

export const catalogIoEn: Record<keyof typeof catalogIoZh, string> = {};

/** Messages of the receiving screens, merged into messages.ts; every key in both languages. */
export const receivingZh = {} as const;

export const receivingEn: Record<keyof typeof receivingZh, string> = {};

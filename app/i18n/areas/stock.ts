/** Messages of the stock screens, merged into messages.ts; every key in both languages. */
export const stockZh = {} as const;

export const stockEn: Record<keyof typeof stockZh, string> = {};

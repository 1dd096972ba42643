/** Messages of the stocktake screens, merged into messages.ts; every key in both languages. */
export const stocktakeZh = {} as const;

export const stocktakeEn: Record<keyof typeof stocktakeZh, string> = {};

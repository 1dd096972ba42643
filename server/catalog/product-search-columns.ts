import { pinyinInitials, productSearchText } from '../domain/pinyin';

export function searchColumns(p: { nameZh: string; nameEn: string; code: string }) {
  return { pinyinInitials: pinyinInitials(p.nameZh), searchText: productSearchText(p) };
}

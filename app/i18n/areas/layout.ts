/** Messages of the back office's layout and accessibility (menu, label picker), merged into messages.ts; every key in both languages. */
export const layoutZh = {
  'nav.menu': '菜单',
  'catalogIo.labels.clear': '清空已选',
  'catalogIo.labels.results': '搜索结果',
  'catalogIo.labels.add': '添加',
  'catalogIo.labels.addAll': '全部添加（{n}）',
  'catalogIo.labels.added': '已选',
  'catalogIo.labels.noResults': '没有找到商品',
  'catalogIo.labels.searching': '搜索中…',
} as const;

export const layoutEn: Record<keyof typeof layoutZh, string> = {
  'nav.menu': 'Menu',
  'catalogIo.labels.clear': 'Clear chosen',
  'catalogIo.labels.results': 'Search results',
  'catalogIo.labels.add': 'Add',
  'catalogIo.labels.addAll': 'Add all ({n})',
  'catalogIo.labels.added': 'Chosen',
  'catalogIo.labels.noResults': 'No products found',
  'catalogIo.labels.searching': 'Searching…',
};

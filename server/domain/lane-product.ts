/** A product as a lane caches and sells it: what the lane's catalog download carries for each one. */
export interface LaneProduct {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  pinyinInitials: string;
  departmentId: string;
  unit: 'each' | 'kg';
  priceFen: number;
  vatRateBps: number;
  plu: string | null;
  active: boolean;
  barcodes: string[];
}

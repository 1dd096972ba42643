export const STAFF_ROLES = ['cashier', 'supervisor', 'store_manager', 'head_office'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The one table of who may do what. Procedures name a permission; nothing else decides. */
export const PERMISSIONS = {
  'back-office.enter': ['supervisor', 'store_manager', 'head_office'],
  'catalog.read': ['supervisor', 'store_manager', 'head_office'],
  'catalog.write': ['store_manager', 'head_office'],
  'barcodes.manage': ['supervisor', 'store_manager', 'head_office'],
  'prices.change': ['store_manager', 'head_office'],
  'staff.read': ['supervisor', 'store_manager', 'head_office'],
  'staff.manage': ['store_manager', 'head_office'],
  'store.manage': ['store_manager', 'head_office'],
  'audit.read': ['store_manager', 'head_office'],
  'stores.switch': ['head_office'],
  'stores.manage': ['head_office'],
  'catalog.copy': ['head_office'],
  'lane.bind': ['store_manager', 'head_office'],
  'lane.sell': ['cashier', 'supervisor', 'store_manager'],
  'lane.approve-override': ['supervisor', 'store_manager'],
  'sales.review': ['store_manager', 'head_office'],
  'card.pre-auth': ['supervisor', 'store_manager'],
  'card.settle': ['cashier', 'supervisor', 'store_manager', 'head_office'],
  'card.read': ['store_manager', 'head_office'],
  'card.resolve': ['store_manager', 'head_office'],
  'card.fees': ['store_manager', 'head_office'],
  'inventory.read': ['supervisor', 'store_manager', 'head_office'],
  'inventory.receive': ['supervisor', 'store_manager'],
  'inventory.order': ['store_manager'],
  'inventory.adjust': ['store_manager'],
  'inventory.count': ['supervisor', 'store_manager'],
  'inventory.count-apply': ['store_manager'],
  'inventory.transfer': ['supervisor', 'store_manager'],
  'inventory.transfer-receive': ['supervisor', 'store_manager', 'head_office'],
  'catalog.import': ['store_manager', 'head_office'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

/** Which roles an actor may create or change: store managers only those below them, so no manager takes over another. */
export function assignableRoles(role: StaffRole): readonly StaffRole[] {
  if (role === 'head_office') return STAFF_ROLES;
  if (role === 'store_manager') return ['cashier', 'supervisor'];
  return [];
}

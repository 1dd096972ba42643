export * from './audit';
export * from './catalog';
export * from './staff';
export * from './stores';
export * from './sales';
export * from './stock';
export * from './approvals';
export * from './payments';

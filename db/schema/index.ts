export * from './audit';
export * from './catalog';
export * from './staff';
export * from './stores';

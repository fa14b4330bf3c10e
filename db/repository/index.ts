/** The data module: named async functions taking one object parameter (with the `db` to use). */
export * from './designs';
export * from './deployments';
export * from './errors';
export * from './users';
export * from './sessions';
export * from './tokens';
export * from './audit';
export * from './design-drafts';
export * from './design-history';

/** The data module: named async functions taking one object parameter (with the `db` to use). */
export * from './designs';
export * from './deployments';
export * from './errors';

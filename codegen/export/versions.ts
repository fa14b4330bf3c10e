/**
 * The exact versions an exported project pins: the ones Signalbox itself is built and tested
 * with, so the exported code runs on the SDK it was verified against. versions.test.ts fails
 * when these drift from the project's package.json and installed packages.
 */
export const EXPORT_DEPENDENCY_VERSIONS: Readonly<Record<string, string>> = {
  '@temporalio/activity': '1.24.0',
  '@temporalio/client': '1.24.0',
  '@temporalio/common': '1.24.0',
  '@temporalio/worker': '1.24.0',
  '@temporalio/workflow': '1.24.0',
  'async-mutex': '0.5.0',
};

/**
 * The toolchain of the exported project: type-check with tsc, run TypeScript with tsx, test with
 * Temporal's time-skipping test environment.
 */
export const EXPORT_DEV_DEPENDENCY_VERSIONS: Readonly<Record<string, string>> = {
  '@temporalio/testing': '1.24.0',
  '@types/node': '20.19.43',
  tsx: '4.23.15',
  typescript: '5.9.3',
};

/** The Node.js versions the exported project supports (those the SDK supports). */
export const EXPORT_NODE_ENGINES = '>=20.10';

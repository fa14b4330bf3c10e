/**
 * Builds the workflow sandbox bundle the way the worker host loads it (never from Next.js), with
 * the SDK's own bundler (webpack), so the SDK's checks (disallowed modules, the reusable V8
 * context's module cache) all apply.
 *
 * Faster path, same output: webpack's persistent filesystem cache under .data/cache/. The SDK's
 * ~400 modules (@temporalio/workflow, @temporalio/common, …) are then restored from the cache
 * instead of being re-read, source-map-loaded and re-parsed on every deploy; only the generated
 * files are built. The bundle is byte-identical to the uncached one (worker/bundle.test.ts) and runs
 * on a real worker (worker/bundle.int.test.ts). docs/benchmarks.md ("Codegen") has the figures.
 */
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, type BundleOptions } from '@temporalio/worker';

export interface BundleResult {
  code: string;
  ms: number;
}

export interface BundleWorkflowsOptions {
  workflowsPath: string;
  /** Use webpack's filesystem cache (default true); false builds the same bundle without it. */
  cache?: boolean;
}

/** Bump to drop caches written by an older configuration. */
const CACHE_VERSION = 'signalbox-2';

export async function bundleWorkflows({ workflowsPath, cache = true }: BundleWorkflowsOptions): Promise<BundleResult> {
  const started = Date.now();
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => withLineSourceMaps(cache ? withFilesystemCache(config) : config),
  });
  return { code, ms: Date.now() - started };
}

/** Where the cache lives: beside the project's other data (SIGNALBOX_BUNDLE_CACHE_DIR overrides). */
export function bundleCacheDir(): string {
  return process.env.SIGNALBOX_BUNDLE_CACHE_DIR ?? join(import.meta.dirname, '..', '.data', 'cache', 'workflow-bundle');
}

type WebpackConfig = Parameters<NonNullable<BundleOptions['webpackConfigHook']>>[0];

function withFilesystemCache(config: WebpackConfig): WebpackConfig {
  return {
    ...config,
    cache: {
      type: 'filesystem',
      cacheDirectory: bundleCacheDir(),
      // node_modules are managed paths: a changed package version invalidates its entries.
      version: CACHE_VERSION,
      // Build folders are one-offs: let their entries expire instead of growing the cache forever.
      maxAge: 7 * 24 * 60 * 60 * 1000,
    },
  };
}

/** Line-level maps of the generated files only (see the header). */
function withLineSourceMaps(config: WebpackConfig): WebpackConfig {
  const rules = config.module?.rules ?? [];
  return {
    ...config,
    devtool: 'inline-cheap-module-source-map',
    module: { ...config.module, rules: rules.filter((rule) => !usesSourceMapLoader(rule)) },
  };
}

function usesSourceMapLoader(rule: unknown): boolean {
  if (typeof rule !== 'object' || rule === null || !('use' in rule)) return false;
  const uses = Array.isArray(rule.use) ? rule.use : [rule.use];
  return uses.some((use) => String(typeof use === 'object' && use !== null && 'loader' in use ? use.loader : use).includes('source-map-loader'));
}

/**
 * Test helper: calls an exported route handler the way Next.js would — a Request to the route's
 * real path (found by walking app/api, with `params` filled in) and method (its export name),
 * signed in as a test user with the given roles (admin unless `as` says otherwise; `as: null`
 * sends no credentials) — and reads the JSON response.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getDb, type Db } from '@/db/client';
import { createUser, getUserByUsername } from '@/db/repository';
import { SESSION_COOKIE } from '@/lib/auth/cookies';
import type { Role } from '@/lib/auth/roles';
import { startSession } from '@/lib/auth/sessions';
import { wellFormed } from '@/lib/api/text-safety';

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;
type AnyHandler = (...args: never[]) => Promise<Response>;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface RouteFile {
  /** `/api/designs/[id]/deployments` */
  pattern: string;
  file: string;
  handlers: Partial<Record<HttpMethod, AnyHandler>>;
}

const apiDir = fileURLToPath(new URL('../app/api/', import.meta.url));

async function findRouteFiles(dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await findRouteFiles(path, out);
    else if (/^route\.(ts|tsx|js)$/.test(entry.name)) out.push(path);
  }
}

let routes: Promise<RouteFile[]> | undefined;

/** Every route under app/api with its exported method handlers (new routes are found automatically). */
export function apiRoutes(): Promise<RouteFile[]> {
  routes ??= (async () => {
    const files: string[] = [];
    await findRouteFiles(apiDir, files);
    files.sort();
    return Promise.all(
      files.map(async (file) => {
        const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
        const handlers: RouteFile['handlers'] = {};
        for (const method of HTTP_METHODS) if (typeof module[method] === 'function') handlers[method] = module[method] as AnyHandler;
        const relative = file.slice(apiDir.length).replace(/\\/g, '/').replace(/\/?route\.(ts|tsx|js)$/, '');
        return { pattern: `/api${relative ? `/${relative}` : ''}`, file, handlers };
      }),
    );
  })();
  return routes;
}

async function routeOf(handler: unknown): Promise<{ pattern: string; method: HttpMethod } | undefined> {
  for (const route of await apiRoutes()) {
    for (const method of HTTP_METHODS) if (route.handlers[method] === handler) return { pattern: route.pattern, method };
  }
  return undefined;
}

/** `/api/designs/[id]` with `{ id: 'a b' }` → `/api/designs/a%20b`. */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`call(): the route ${pattern} needs params.${name}`);
    // A lone surrogate has no UTF-8 form (encodeURIComponent throws): the path only selects the
    // route's access rule, and the handler gets the string itself in `params`.
    return encodeURIComponent(wellFormed(value));
  });
}

const sessionsByDb = new WeakMap<Db, Map<string, string>>();

/** A session cookie for a test user holding exactly these roles (created once per database). */
export async function testSessionCookie(roles: readonly Role[]): Promise<string> {
  const db = await getDb();
  let cache = sessionsByDb.get(db);
  if (!cache) sessionsByDb.set(db, (cache = new Map()));
  const key = [...roles].sort().join('+') || 'none';
  let token = cache.get(key);
  if (!token) {
    const username = `test-${key}`;
    const user =
      (await getUserByUsername({ username })) ??
      (await createUser({ user: { username, displayName: `Test ${key}`, passwordHash: null, roles: [...roles] } }));
    token = (await startSession(user.id)).token;
    cache.set(key, token);
  }
  return `${SESSION_COOKIE}=${token}`;
}

/** Creates a user with these roles and returns `call` options carrying its session (in place of the default test user). */
export async function signInNewUser(username: string, roles: Role[]): Promise<{ headers: { cookie: string }; as: null }> {
  const user = await createUser({ user: { username, displayName: username, passwordHash: null, roles } });
  return { headers: { cookie: `${SESSION_COOKIE}=${(await startSession(user.id)).token}` }, as: null };
}

export interface CallOptions<P> {
  /** Only its query string is used when the handler is a known route (the path comes from the route). */
  url?: string;
  body?: unknown;
  rawBody?: string;
  params?: P;
  /** The roles of the caller; null = no credentials. Default: admin. */
  as?: Role | readonly Role[] | null;
  method?: HttpMethod;
  headers?: Record<string, string>;
}

export async function call<P extends Record<string, string>>(
  handler: Handler<P> | ((request: Request) => Promise<Response>),
  { url = 'http://localhost/api', body, rawBody, params, as = 'admin', method, headers = {} }: CallOptions<P> = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on the JSON field by field
): Promise<{ status: number; body: any }> {
  const route = await routeOf(handler);
  const given = new URL(url, 'http://localhost');
  const target = route ? new URL(`${fillPattern(route.pattern, params ?? {})}${given.search}`, 'http://localhost') : given;
  const hasBody = body !== undefined || rawBody !== undefined;
  const verb = method ?? route?.method ?? (hasBody ? 'POST' : 'GET');
  const allHeaders: Record<string, string> = { ...headers };
  if (hasBody) allHeaders['content-type'] = 'application/json';
  if (as !== null) allHeaders.cookie = await testSessionCookie(typeof as === 'string' ? [as] : as);
  const init: RequestInit = { method: verb, headers: allHeaders };
  if (hasBody && verb !== 'GET') init.body = rawBody ?? JSON.stringify(body);
  const response = await (handler as Handler<P>)(new Request(target, init), {
    params: Promise.resolve((params ?? {}) as P),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

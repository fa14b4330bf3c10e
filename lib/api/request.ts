/** Reading and validating request bodies and parameters. */
import 'server-only';
import type { z } from 'zod';
import { ApiError, badRequest } from './errors';
import { findUnstorableText, printable, unstorableTextProblem } from './text-safety';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Route parameters are ids and names (Temporal's own limit for a workflow id is 1000 bytes). */
export const MAX_PARAM_LENGTH = 1000;
/** Query parameters: filters, ids and page tokens. */
export const MAX_QUERY_VALUE_LENGTH = 10_000;

const bodyProblem = (path: string, problem: string) =>
  badRequest(`Invalid request body — ${path || '(root)'} ${problem}`, 'input.invalid-text', { field: path || '(root)' });

/**
 * Reads the body as JSON (at most 1 MB, else 413); an empty body reads as `{}`. Every string in
 * it, keys included, must be storable text (lib/api/text-safety.ts), else 400 naming its path.
 */
export async function readJson(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const tooLarge = () => new ApiError(413, 'body.too-large', `The request body is larger than ${Math.round(limit / 1024)} KB`);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  let text = '';
  if (request.body) {
    const reader = request.body.getReader();
    const decoder = new TextDecoder();
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(`The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, 'body.malformed-json');
  }
  const unstorable = findUnstorableText(value);
  if (unstorable) throw bodyProblem(unstorable.path, unstorable.problem);
  return value;
}

export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}

/** Parses with a zod schema; 400 naming the paths of the issues. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, what = 'request body'): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  const summary = issues
    .slice(0, 5)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  throw badRequest(`Invalid ${what} — ${summary}`, 'input.invalid', { field: issues[0]?.path, issues });
}

export async function readBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  return parseWith(schema, await readJson(request));
}

/** 400 naming the parameter when a route or query parameter is not storable text or is too long. */
export function checkParameter(name: string, value: string, kind: 'route' | 'query'): void {
  const limit = kind === 'route' ? MAX_PARAM_LENGTH : MAX_QUERY_VALUE_LENGTH;
  const what = kind === 'route' ? 'route parameter' : 'query parameter';
  const nameProblem = unstorableTextProblem(name);
  if (nameProblem) throw badRequest(`A ${what} name ${nameProblem}`, 'input.invalid-text', { field: printable(name) });
  const problem = unstorableTextProblem(value);
  if (problem) throw badRequest(`The ${what} ${printable(name)} ${problem}`, 'input.invalid-text', { field: name });
  if (value.length > limit) throw badRequest(`The ${what} ${name} is longer than ${limit} characters`, 'input.too-long', { field: name });
}

/**
 * Checks every query parameter and route parameter of a request (handle() calls it before the
 * handler): a route parameter is checked as given and as routeParam() decodes it.
 */
export function checkParameters(url: URL, params: Record<string, unknown> | undefined): void {
  for (const [name, value] of Object.entries(params ?? {})) {
    for (const text of Array.isArray(value) ? value : [value]) {
      if (typeof text !== 'string') continue;
      checkParameter(name, text, 'route');
      checkParameter(name, routeParam(text), 'route');
    }
  }
  for (const [name, value] of url.searchParams) checkParameter(name, value, 'query');
}

/** A positive integer route parameter (e.g. a version). */
export function intParam(value: string, name: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw badRequest(`${name} must be a positive integer, got "${value}"`, 'input.invalid', { field: name });
  return Number(value);
}

/** A dynamic route segment, decoded once (tolerates segments Next.js already decoded). */
export function routeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Reading and validating request bodies and parameters. */
import type { z } from 'zod';
import { ApiError, badRequest } from './errors';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the body as JSON (at most 1 MB); an empty body reads as `{}`. */
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
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(`The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, 'body.malformed-json');
  }
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

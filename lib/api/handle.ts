/**
 * The route wrapper every API route handler goes through: authentication and the policy check,
 * request checks (JSON bodies, storable parameters), the caller's context, the audit entry, the
 * Server-Timing header, and every thrown error turned into the JSON error answer of
 * lib/api/errors.ts.
 */
import 'server-only';
import { recordAudit } from '@/db/repository/audit';
import { runAs } from '../auth/context';
import { authorizeRequest } from '../auth/guard';
import { ApiError, errorResponse } from './errors';
import { checkParameters } from './request';

/** Not sent to anyone: the client gave up on the request (nginx's "client closed request"). */
export const CLIENT_CLOSED_REQUEST = 499;

/** The client went away while its request was being read: nothing to answer and nothing to log. */
export function clientClosed(request: Request, error: unknown): boolean {
  if (request.signal.aborted) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && (code === 'ECONNRESET' || error.message === 'aborted');
}

/**
 * Wraps a route handler: first authenticates the caller and checks lib/auth/policy.ts for this
 * method and path (401 / 403 before the handler runs; routes without a rule are refused), then
 * refuses a body that is not JSON (415) and route or query parameters that are not storable text
 * (400 naming the parameter, lib/api/text-safety.ts), then
 * runs it with the caller available through `currentPrincipal()`, and writes the audit entry when
 * the rule asks for one (deploys, execution control); every thrown error becomes the JSON error
 * response. The answer carries a Server-Timing header (authentication and handler), which the
 * browser's developer tools show for each request.
 */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    const request = args[0];
    if (!(request instanceof Request)) return errorResponse(new Error('handle(): a route handler was called without its Request'));
    const started = performance.now();
    /** When authorisation ended; null while it runs (a refusal's time is all authorisation). */
    let authorized: number | null = null;
    try {
      const { principal, rule } = await authorizeRequest(request);
      authorized = performance.now();
      refuseNonJsonBody(request);
      checkParameters(new URL(request.url), await paramsOf(args[1]));
      const response = await runAs(principal, () => fn(...args));
      if (rule?.audit && principal && response.ok) {
        await recordAudit({
          actor: { id: principal.id, username: principal.username },
          action: rule.audit,
          target: new URL(request.url).pathname,
          details: { status: response.status, via: principal.via },
        });
      }
      return withServerTiming(response, started, authorized);
    } catch (error) {
      if (clientClosed(request, error)) return new Response(null, { status: CLIENT_CLOSED_REQUEST });
      return withServerTiming(errorResponse(error), started, authorized);
    }
  };
}

/** The route's `params` (Next.js passes them as a promise in the handler's second argument). */
async function paramsOf(context: unknown): Promise<Record<string, unknown> | undefined> {
  const params = (context as { params?: unknown } | undefined)?.params;
  const resolved: unknown = params instanceof Promise ? await params : params;
  return resolved && typeof resolved === 'object' ? (resolved as Record<string, unknown>) : undefined;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * 415 for a request that carries a body in anything but JSON: every route reads JSON (design
 * import posts the file's JSON too), and this also shuts out the form posts (text/plain,
 * urlencoded, multipart) a page elsewhere can send without a CORS preflight. A request without
 * a body (Content-Length 0, as browsers send a bare POST; neither length nor chunked, as
 * `curl -X POST` sends one) needs no type. A request built in-process has a body but no length
 * header: there a declared type that is not JSON is what counts.
 */
export function refuseNonJsonBody(request: Request): void {
  if (!BODY_METHODS.has(request.method.toUpperCase())) return;
  const type = request.headers.get('content-type');
  const length = request.headers.get('content-length');
  const hasBody =
    length !== null ? Number(length) > 0 : request.headers.has('transfer-encoding') || (request.body !== null && type !== null);
  if (!hasBody) return;
  const mediaType = type?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/json') return;
  throw new ApiError(415, 'body.unsupported-type', `Send the request body as JSON with Content-Type: application/json (got ${type ? `"${type}"` : 'no Content-Type'})`, {
    field: 'content-type',
  });
}

function withServerTiming(response: Response, started: number, authorized: number | null): Response {
  const now = performance.now();
  const authEnd = authorized ?? now;
  const timing = `auth;dur=${(authEnd - started).toFixed(1)}, handler;dur=${(now - authEnd).toFixed(1)}`;
  try {
    response.headers.append('server-timing', timing);
  } catch {
    // Headers of some responses (a fetch passed through) are immutable; the timing is only a diagnostic.
  }
  return response;
}

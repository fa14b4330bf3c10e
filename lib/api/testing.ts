/** Test helper: calls an exported route handler with a Request and reads the JSON response. */
type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export async function call<P extends Record<string, string>>(
  handler: Handler<P> | ((request: Request) => Promise<Response>),
  { url = 'http://localhost/api', body, rawBody, params }: { url?: string; body?: unknown; rawBody?: string; params?: P } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on the JSON field by field
): Promise<{ status: number; body: any }> {
  const init: RequestInit =
    body !== undefined || rawBody !== undefined
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: rawBody ?? JSON.stringify(body) }
      : { method: 'GET' };
  const response = await (handler as Handler<P>)(new Request(new URL(url, 'http://localhost'), init), {
    params: Promise.resolve((params ?? {}) as P),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * The processes routes answer like a deploy (lib/deploy/response.ts) plus what they made (the
 * process, the version): merged into the JSON body, or — when progress is streamed as
 * application/x-ndjson — into the body of the stream's last line, `{ type: 'result', … }`.
 */
import { json } from '@/lib/api/errors';

export async function withResultExtras(response: Response, extras: () => Record<string, unknown> | undefined): Promise<Response> {
  if (!response.headers.get('content-type')?.includes('ndjson')) {
    const body = (await response.json()) as Record<string, unknown>;
    return json({ ...body, ...(extras() ?? {}) }, response.status);
  }
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let pending = '';
  const addExtras = (line: string): string => {
    if (!line.trim()) return line;
    const value = JSON.parse(line) as { type?: string; body?: Record<string, unknown> };
    return value.type === 'result' ? JSON.stringify({ ...value, body: { ...value.body, ...(extras() ?? {}) } }) : line;
  };
  const transform = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      pending += decoder.decode(chunk, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) controller.enqueue(encoder.encode(`${addExtras(line)}\n`));
    },
    flush(controller) {
      if (pending) controller.enqueue(encoder.encode(addExtras(pending)));
    },
  });
  return new Response(response.body!.pipeThrough(transform), { status: response.status, headers: response.headers });
}

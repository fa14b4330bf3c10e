/** What the connection banner says, from GET /api/health's body (null: the server did not answer). */
export interface HealthBody {
  database?: { ok: boolean; message?: string };
  temporal?: { ok: boolean; message?: string; address?: string };
  workers?: { ok: boolean; hosts?: Array<{ url: string; ok: boolean }> };
}

export type What = 'server' | 'database' | 'temporal' | 'worker';
export type Problem = { what: What[]; message: string } | null;

/** Every dependency that is down, named, in one banner (several can be down at once). */
export function problemOf(body: HealthBody | null): Problem {
  if (!body) return { what: ['server'], message: 'The Signalbox server is not answering.' };
  const found: Array<{ what: What; message: string }> = [];
  if (body.database && !body.database.ok) {
    found.push({ what: 'database', message: `The database is not reachable: ${body.database.message ?? ''} Changes cannot be saved until it is back.` });
  }
  if (body.temporal && !body.temporal.ok) {
    found.push({
      what: 'temporal',
      message: `Temporal is not reachable${body.temporal.address ? ` at ${body.temporal.address}` : ''}. Designs stay editable${body.database?.ok === false ? '' : ' and saveable'}; deploying and starting wait until it is back.`,
    });
  }
  if (body.workers && !body.workers.ok) {
    const urls = (body.workers.hosts ?? []).map((host) => host.url).join(', ');
    found.push({ what: 'worker', message: `No worker host is answering${urls ? ` (${urls})` : ''}: executions wait, and deploys cannot finish, until one is back.` });
  }
  return found.length === 0 ? null : { what: found.map((p) => p.what), message: found.map((p) => p.message).join(' ') };
}


/**
 * Used by db/server.test.ts: one client process hammering the shared database through
 * DATABASE_URL with concurrent connections. Prints a JSON summary on stdout.
 */
import { readFileSync } from 'node:fs';
import { createDb } from '@/db/client';
import { createDesign, getDesign, listDesigns, saveVersion } from '@/db/repository';

const example = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));
const sharedId = process.argv[2];
const rounds = Number(process.argv[3] ?? 10);

const handle = createDb({ url: process.env.DATABASE_URL!, max: 5 });
const db = handle.db;
const versions: number[] = [];
let ownDesigns = 0;
try {
  for (let round = 0; round < rounds; round++) {
    const results = await Promise.all([
      saveVersion({ db, id: sharedId, design: example }),
      saveVersion({ db, id: sharedId, design: example }),
      createDesign({ db, design: example }).then(async ({ id }) => {
        const detail = await getDesign({ db, id });
        if (detail?.latestVersion !== 1) throw new Error(`fresh design ${id} has version ${detail?.latestVersion}`);
        ownDesigns++;
        return null;
      }),
      listDesigns({ db }).then(() => null),
      db.execute('select pg_sleep(0.01)').then(() => null),
    ]);
    for (const r of results) if (r) versions.push(r.version);
  }
  console.log(JSON.stringify({ versions, ownDesigns }));
} finally {
  await handle.close();
}

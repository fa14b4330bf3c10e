/** Test helper for unit tests that call route handlers in this process without any server. */
import { after, before } from 'node:test';
import { closeDb } from '@/db/client';
import { closeTemporalClient } from '@/lib/temporal-client';

/**
 * Registers the test file's hooks: the app gets a throwaway in-memory PGlite (no DATABASE_URL)
 * and a Temporal address where nothing listens; both clients are closed after the file's tests.
 */
export function useInMemoryApp(): void {
  before(() => {
    delete process.env.DATABASE_URL;
    process.env.SIGNALBOX_PGLITE_DIR = 'memory://';
    process.env.TEMPORAL_ADDRESS = '127.0.0.1:1'; // nothing listens there
  });
  after(async () => {
    await closeTemporalClient();
    await closeDb();
  });
}

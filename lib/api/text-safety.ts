// The checks live in db/text-safety.ts: they say what PostgreSQL can store, and the design
// repository applies them too (db/ is below lib/, docs/architecture.md).
import 'server-only';

export * from '@/db/text-safety';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Design } from '../schema/design';

/** A fresh copy of the approval example, for tests to bend. */
export function approvalDesign(): Design {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'approval.json'), 'utf8')) as Design;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Design } from '../schema/design';

/**
 * A fresh copy of the approval design in its record form (camelCase fields, one input record), for tests
 * to bend. The gallery's examples/approval.json has the chapter's wire names and a bare request_id.
 */
export function approvalDesign(): Design {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'testing', 'fixtures', 'approval-record.json'), 'utf8')) as Design;
}

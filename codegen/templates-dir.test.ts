import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from './templates-dir';

test('templatesDir finds the one templates/ folder: the workflow templates, their partials and the export templates', () => {
  const dir = templatesDir();
  assert.equal(dir, join(import.meta.dirname, '..', 'templates'));
  for (const file of ['workflows.ts.hbs', 'partials/header.hbs', 'export/client.ts.hbs']) assert.ok(existsSync(join(dir, file)), file);
});

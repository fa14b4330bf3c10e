import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXPORT_DEPENDENCY_VERSIONS, EXPORT_DEV_DEPENDENCY_VERSIONS } from './versions';

const root = join(import.meta.dirname, '..', '..');
const ourManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

test('exported projects pin the very @temporalio/* versions Signalbox declares', () => {
  const ours = Object.entries(ourManifest.dependencies).filter(([name]) => name.startsWith('@temporalio/'));
  assert.ok(ours.length >= 4);
  for (const [name, specifier] of ours) assert.equal(EXPORT_DEPENDENCY_VERSIONS[name], specifier, `${name}: update codegen/export/versions.ts`);
});

test('every pinned version is the one installed here, which our tests verify the exported code against', () => {
  for (const [name, version] of Object.entries({ ...EXPORT_DEPENDENCY_VERSIONS, ...EXPORT_DEV_DEPENDENCY_VERSIONS })) {
    assert.equal(installedVersion(name), version, `${name}: update codegen/export/versions.ts`);
    const declared = ourManifest.dependencies[name] ?? ourManifest.devDependencies[name];
    assert.ok(declared, `${name} is not a dependency of Signalbox`);
  }
});

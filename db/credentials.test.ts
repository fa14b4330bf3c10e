/** The embedded database's password file and directory (db/credentials.ts). */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { embeddedDatabaseUrl, ensurePglitePassword, ensurePrivateDirectory, pglitePasswordFile, readPglitePassword } from './credentials';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'signalbox-credentials-'));
after(() => rmSync(root, { recursive: true, force: true }));
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
const quiet = () => {};

test('the first start makes a random 0600 password; later starts read the same one', () => {
  const file = pglitePasswordFile(join(root, 'first'));
  const made = ensurePglitePassword(file, quiet);
  assert.match(made, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(modeOf(file), '600');
  assert.equal(ensurePglitePassword(file, quiet), made);
  assert.equal(readPglitePassword(file), made);
  assert.notEqual(ensurePglitePassword(pglitePasswordFile(join(root, 'other')), quiet), made);
});

test('processes starting at once agree on one password', async () => {
  const file = pglitePasswordFile(join(root, 'race'));
  const script = `import('./db/credentials.ts').then((m) => process.stdout.write(m.ensurePglitePassword(process.argv[1])))`;
  const passwords = await Promise.all(
    Array.from({ length: 4 }, () =>
      new Promise<string>((resolve, reject) => {
        execFile(process.execPath, ['--import', 'tsx', '-e', script, file], { cwd: projectDir }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
      }),
    ),
  );
  assert.equal(new Set(passwords).size, 1, passwords.join(' '));
  assert.equal(passwords[0], readPglitePassword(file));
});

test('a password file others can read is tightened to 0600, with a warning', () => {
  const dir = join(root, 'loose');
  mkdirSync(dir);
  const file = pglitePasswordFile(dir);
  writeFileSync(file, 'kept-password\n');
  chmodSync(file, 0o644);
  const warnings: string[] = [];
  assert.equal(ensurePglitePassword(file, (m) => warnings.push(m)), 'kept-password');
  assert.equal(modeOf(file), '600');
  assert.match(warnings.join('\n'), /mode 644: set to 600/);
});

test('an empty password file is an error that says what to do', () => {
  const dir = join(root, 'empty');
  mkdirSync(dir);
  writeFileSync(pglitePasswordFile(dir), '\n', { mode: 0o600 });
  assert.throws(() => readPglitePassword(pglitePasswordFile(dir)), /is empty: delete it/);
});

test('the PGlite directory is made 0700, also when it existed with a looser mode', () => {
  const fresh = join(root, 'data-fresh', 'pglite');
  ensurePrivateDirectory(fresh, quiet);
  assert.equal(modeOf(fresh), '700');
  const loose = join(root, 'data-loose');
  mkdirSync(loose, { mode: 0o755 });
  chmodSync(loose, 0o755);
  ensurePrivateDirectory(loose, quiet);
  assert.equal(modeOf(loose), '700');
});

test('the URL carries the password, escaped', () => {
  assert.equal(embeddedDatabaseUrl({ host: '127.0.0.1', port: 5433, password: 'a/b@c' }), 'postgres://postgres:a%2Fb%40c@127.0.0.1:5433/postgres');
});

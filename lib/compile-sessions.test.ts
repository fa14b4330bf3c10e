import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Design } from '@/codegen/design';
import { CompileSessions, EDITOR_IDLE_MS, MAX_BYTES, MAX_EDITORS } from './compile-sessions';

const design = (name: string) => ({ name }) as unknown as Design;

test('designs are kept per user and editor: another user cannot read an editor id they guessed', () => {
  const sessions = new CompileSessions();
  sessions.put('ada', 'e1', 1, design('one'), 100);
  assert.equal(sessions.get('ada', 'e1', 1)?.design.name, 'one');
  assert.equal(sessions.get('bob', 'e1', 1), undefined);
  assert.equal(sessions.get('ada', 'e2', 1), undefined);
});

test('an editor keeps its last four sequence numbers', () => {
  const sessions = new CompileSessions();
  for (let seq = 1; seq <= 6; seq++) sessions.put('ada', 'e1', seq, design(`v${seq}`), 100);
  assert.equal(sessions.get('ada', 'e1', 2), undefined);
  assert.equal(sessions.get('ada', 'e1', 3)?.design.name, 'v3');
  assert.equal(sessions.get('ada', 'e1', 6)?.design.name, 'v6');
});

test('idle editors are forgotten, and at most MAX_EDITORS are kept (least recently used first)', () => {
  let now = 0;
  const sessions = new CompileSessions(() => now);
  sessions.put('ada', 'idle', 1, design('x'), 100);
  now += EDITOR_IDLE_MS + 1;
  assert.equal(sessions.get('ada', 'idle', 1), undefined);
  for (let i = 0; i < MAX_EDITORS; i++) sessions.put('ada', `e${i}`, 1, design(`e${i}`), 100);
  sessions.get('ada', 'e0', 1); // used again: now the most recent
  sessions.put('ada', 'one-more', 1, design('new'), 100);
  assert.equal(sessions.size, MAX_EDITORS);
  assert.equal(sessions.get('ada', 'e1', 1), undefined, 'the least recently used went');
  assert.equal(sessions.get('ada', 'e0', 1)?.design.name, 'e0');
});

test('at most MAX_BYTES of design JSON are kept: the least recently used editors go first, never the one just used', () => {
  const sessions = new CompileSessions();
  const big = MAX_BYTES / 3;
  sessions.put('ada', 'a', 1, design('a'), big);
  sessions.put('bob', 'b', 1, design('b'), big);
  sessions.put('cy', 'c', 1, design('c'), big);
  assert.equal(sessions.size, 3);
  sessions.put('dee', 'd', 1, design('d'), big);
  assert.equal(sessions.get('ada', 'a', 1), undefined, 'the least recently used editor went');
  assert.ok(sessions.bytes <= MAX_BYTES);
  sessions.put('eve', 'huge', 1, design('huge'), MAX_BYTES * 2);
  assert.equal(sessions.get('eve', 'huge', 1)?.design.name, 'huge', 'the editor just used stays, alone');
  assert.equal(sessions.size, 1);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Design } from '../codegen/schema/design';
import { CompileSessions, EDITOR_IDLE_MS, MAX_EDITORS } from './compile-sessions';

const design = (name: string) => ({ name }) as unknown as Design;

test('designs are kept per user and editor: another user cannot read an editor id they guessed', () => {
  const sessions = new CompileSessions();
  sessions.put('ada', 'e1', 1, design('one'));
  assert.equal(sessions.get('ada', 'e1', 1)?.name, 'one');
  assert.equal(sessions.get('bob', 'e1', 1), undefined);
  assert.equal(sessions.get('ada', 'e2', 1), undefined);
});

test('an editor keeps its last four sequence numbers', () => {
  const sessions = new CompileSessions();
  for (let seq = 1; seq <= 6; seq++) sessions.put('ada', 'e1', seq, design(`v${seq}`));
  assert.equal(sessions.get('ada', 'e1', 2), undefined);
  assert.equal(sessions.get('ada', 'e1', 3)?.name, 'v3');
  assert.equal(sessions.get('ada', 'e1', 6)?.name, 'v6');
});

test('idle editors are forgotten, and at most MAX_EDITORS are kept (least recently used first)', () => {
  let now = 0;
  const sessions = new CompileSessions(() => now);
  sessions.put('ada', 'idle', 1, design('x'));
  now += EDITOR_IDLE_MS + 1;
  assert.equal(sessions.get('ada', 'idle', 1), undefined);
  for (let i = 0; i < MAX_EDITORS; i++) sessions.put('ada', `e${i}`, 1, design(`e${i}`));
  sessions.get('ada', 'e0', 1); // used again: now the most recent
  sessions.put('ada', 'one-more', 1, design('new'));
  assert.equal(sessions.size, MAX_EDITORS);
  assert.equal(sessions.get('ada', 'e1', 1), undefined, 'the least recently used went');
  assert.equal(sessions.get('ada', 'e0', 1)?.name, 'e0');
});

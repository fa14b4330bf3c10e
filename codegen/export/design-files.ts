import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The designs every export check runs over: each golden's design.json and each example. */
export function exportDesignFiles(): string[] {
  const root = join(import.meta.dirname, '..', '..');
  const goldens = join(root, 'codegen', '__golden__');
  return [
    ...readdirSync(goldens).map((dir) => join(goldens, dir, 'design.json')).filter((file) => existsSync(file)),
    ...readdirSync(join(root, 'examples')).filter((file) => file.endsWith('.json')).map((file) => join(root, 'examples', file)),
  ];
}

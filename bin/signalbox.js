#!/usr/bin/env node
// The `signalbox` command: loads the TypeScript CLI (cli/main.ts) through tsx. The project's
// tsconfig is named explicitly: its paths (the `@/` alias) must resolve from any working directory.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../cli/main.ts');
const code = await main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;

#!/usr/bin/env node
// The `signalbox` command: loads the TypeScript CLI (cli/main.ts) through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
const code = await main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;

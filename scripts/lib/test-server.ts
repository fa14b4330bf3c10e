// Obtains Temporal's time-skipping test server, which exported projects' tests run on
// (TestWorkflowEnvironment.createTimeSkipping). The SDK would download a native build from Temporal's
// CDN; where that is out of reach, the same server (io.temporal.testserver.TestServer, the Java SDK's)
// comes from Maven Central and runs on the JVM behind a small wrapper script.
//
// Sources, in order: $TEMPORAL_TEST_SERVER_PATH; the cached wrapper
// ~/.cache/signalbox/temporal-test-server-<version>/temporal-test-server; a fresh resolve with
// `mvn dependency:build-classpath` into that folder (needs java and mvn; about a minute the first time).
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { signalboxCacheDir } from './temporal-cli';

const execFileAsync = promisify(execFile);

/** The Java SDK release whose test server is used: its protocol matches the TypeScript SDK 1.24's. */
export const TEST_SERVER_VERSION = '1.31.0';

const POM = `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>local.signalbox</groupId><artifactId>temporal-test-server-classpath</artifactId><version>1</version>
<dependencies><dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId><version>${TEST_SERVER_VERSION}</version></dependency></dependencies>
</project>
`;

// The SDK starts the server as `<path> <port> [extra args]`, the native build's interface, which the
// Java main class shares.
const WRAPPER = `#!/bin/sh
exec java -cp "$(cat "$(dirname "$0")/classpath.txt")" io.temporal.testserver.TestServer "$@"
`;

/** The path of an executable test server, resolving it into the cache when needed. */
export async function ensureTestServer(): Promise<string> {
  if (process.env.TEMPORAL_TEST_SERVER_PATH) return process.env.TEMPORAL_TEST_SERVER_PATH;
  const dir = join(signalboxCacheDir(), `temporal-test-server-${TEST_SERVER_VERSION}`);
  const wrapper = join(dir, 'temporal-test-server');
  const classpath = join(dir, 'classpath.txt');
  if (existsSync(wrapper) && existsSync(classpath) && (await readFile(classpath, 'utf8')).includes('temporal-test-server')) return wrapper;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'pom.xml'), POM);
  await execFileAsync('mvn', ['-q', '-B', 'dependency:build-classpath', `-Dmdep.outputFile=${classpath}`], { cwd: dir, timeout: 600_000 }).catch(
    (error: { stderr?: string; message: string }) => {
      throw new Error(`could not resolve Temporal's test server from Maven Central (java and mvn are needed): ${error.message}\n${error.stderr ?? ''}`);
    },
  );
  await writeFile(wrapper, WRAPPER);
  await chmod(wrapper, 0o755);
  return wrapper;
}

// Entry point of the `gknb` command (bundled to dist/cli.js). See cli/main.ts.
import { runCli } from './cli/main';

// `gknb check … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
}).then(
  (code) => {
    // exitCode, not exit(): lets piped output drain before the process ends.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`gknb: 内部错误 / internal error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);

import { runCli } from '../../main/cli/run-cli.ts';

/** Runs the CLI as `voronka ...argv` would, collecting its output: the exit code, stdout and stderr as text. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

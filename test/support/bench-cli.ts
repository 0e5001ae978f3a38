import { onTestFinished } from 'vitest';
import { runYijian } from './cli.ts';

/**
 * A benchmark as a smoke run (`yijian bench … --quick --json`): it still runs end to end against real
 * portals, browsers and OCR; the test checks that its JSON parses and agrees with itself. Nothing asserts a
 * speed; a broken benchmark fails.
 */
export async function bench(args: string[]): Promise<Record<string, unknown>> {
  const running = runYijian(['bench', ...args, '--quick', '--json'], { LOG_LEVEL: 'warn' });
  // A run that outlives its test (a timeout) is stopped with it: it must not go on loading the machine.
  onTestFinished(() => {
    if (running.child.exitCode === null) running.child.kill('SIGTERM');
  });
  let stdout = '';
  running.child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  const code = await running.exited;
  if (code !== 0)
    throw new Error(`bench ${args.join(' ')} exited ${code}:\n${running.output().slice(-3000)}`);
  return JSON.parse(stdout) as Record<string, unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: the reports are checked field by field in the tests.
export type Json = any;

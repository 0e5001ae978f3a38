import type { ChildProcess } from 'node:child_process';

/** Everything a child process writes, stdout and stderr interleaved as it arrives; read it at any time. */
export function collectOutput(child: ChildProcess): () => string {
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => output;
}

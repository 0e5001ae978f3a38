import type { Command } from 'commander';
import { registerBenchBots } from '../bench/bots.bench.ts';
import { registerBenchE2e } from '../bench/e2e.bench.ts';
import { registerBenchOcr } from '../bench/ocr.bench.ts';

/** `yijian bench …`: benchmarks print JSON; speed and memory targets live here, never in timed tests. */
export function registerBench(program: Command): void {
  const bench = program.command('bench').description('基准测试（输出 JSON）');
  registerBenchOcr(bench);
  registerBenchE2e(bench);
  registerBenchBots(bench);
}

import { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * The subcommands, in the order `yijian --help` lists them, each loaded only when needed: `yijian users`
 * does not import Playwright, the OCR runtime and the sandbox portals that other subcommands use (all of
 * them cost a command seconds to start, and the tests start hundreds).
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  start: async () => (await import('./commands/start.command.ts')).registerStart,
  server: async () => (await import('./commands/server.command.ts')).registerServer,
  worker: async () => (await import('./commands/worker.command.ts')).registerWorker,
  portals: async () => (await import('./commands/portals.command.ts')).registerPortals,
  doctor: async () => (await import('./commands/doctor.command.ts')).registerDoctor,
  forms: async () => (await import('./commands/forms.command.ts')).registerForms,
  ocr: async () => (await import('./commands/ocr.command.ts')).registerOcr,
  bench: async () => (await import('./commands/bench.command.ts')).registerBench,
  users: async () => (await import('./commands/users.command.ts')).registerUsers,
};

/** The `yijian` command: one entry point, one subcommand per file in ./commands. */
const program = new Command('yijian')
  .description('一件事 · 一键办：合并表单、一键提交、机器人代填各部门系统')
  .showHelpAfterError('（运行 yijian --help 查看用法）');

// The subcommand named first on the command line; without one (help, a typo) every subcommand is loaded.
const named = process.argv[2] ?? '';
const one = Object.hasOwn(COMMANDS, named) ? COMMANDS[named] : undefined;
for (const load of one ? [one] : Object.values(COMMANDS)) (await load())(program);

await program.parseAsync(process.argv);

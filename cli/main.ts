import { Command } from 'commander';
import { registerBench } from './commands/bench.command.ts';
import { registerDoctor } from './commands/doctor.command.ts';
import { registerForms } from './commands/forms.command.ts';
import { registerOcr } from './commands/ocr.command.ts';
import { registerPortals } from './commands/portals.command.ts';
import { registerServer } from './commands/server.command.ts';
import { registerStart } from './commands/start.command.ts';
import { registerUsers } from './commands/users.command.ts';
import { registerWorker } from './commands/worker.command.ts';

/** The `yijian` command: one entry point, one subcommand per file in ./commands. */
const program = new Command('yijian')
  .description('一件事 · 一键办：合并表单、一键提交、机器人代填各部门系统')
  .showHelpAfterError('（运行 yijian --help 查看用法）');

registerStart(program);
registerServer(program);
registerWorker(program);
registerPortals(program);
registerDoctor(program);
registerForms(program);
registerOcr(program);
registerBench(program);
registerUsers(program);

await program.parseAsync(process.argv);

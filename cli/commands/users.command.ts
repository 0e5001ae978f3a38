import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { AccountChange } from '../../server/account-changes.ts';
import { AccountError } from '../../server/accounts.ts';
import { LoginTakenError } from '../../store/users.repo.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { type ListedUser, usersBackend } from '../users-backend.ts';

const ROLE_LABELS = { applicant: '申请人', clerk: '窗口人员', admin: '管理员' } as const;

/**
 * The password never goes through argv (shell history, `ps`): typed at a hidden prompt when a terminal is
 * attached, otherwise read as the first line of standard input (`printf '%s\n' "$PW" | yijian users add …`).
 */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      let muted = false;
      const output = new Writable({
        write(chunk, _encoding, done) {
          if (!muted) process.stdout.write(chunk);
          done();
        },
      });
      const rl = createInterface({ input: process.stdin, output, terminal: true });
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
      muted = true;
    });
  const first = await ask('密码：');
  const second = await ask('再次输入密码：');
  if (first !== second) throw new AccountError('两次输入的密码不一致');
  return first;
}

function fail(error: unknown): never {
  const known =
    error instanceof AccountError || error instanceof ConfigError || error instanceof LoginTakenError;
  const message =
    error instanceof LoginTakenError
      ? '该用户名已存在'
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(known ? 2 : 1);
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('管理窗口人员和管理员账号');
  users
    .command('add')
    .description('新增窗口人员或管理员账号（密码在提示符下输入，或从标准输入读取第一行）')
    .requiredOption('--role <role>', 'clerk（窗口人员）或 admin（管理员）')
    .requiredOption('--username <name>', '登录用的用户名（小写字母开头）')
    .requiredOption('--name <displayName>', '姓名，显示在页面和审计日志中')
    .option('--centre <id>', '所属服务中心编号（窗口人员必填），如 longwen')
    .option('--centre-name <name>', '服务中心名称；中心不存在时据此创建')
    .action(
      async (options: {
        role: string;
        username: string;
        name: string;
        centre?: string;
        centreName?: string;
      }) => {
        try {
          if (options.role !== 'clerk' && options.role !== 'admin') {
            throw new AccountError(
              '--role 只能是 clerk（窗口人员）或 admin（管理员）；申请人请在网页上自行注册',
            );
          }
          const role = options.role;
          const password = await readPassword();
          const user = await usersBackend(loadConfig()).add({
            role,
            username: options.username,
            displayName: options.name,
            password,
            ...(options.centre ? { centreId: options.centre } : {}),
            ...(options.centreName ? { centreName: options.centreName } : {}),
          });
          process.stdout.write(
            `已创建${ROLE_LABELS[user.role]}账号 ${user.login}（${user.displayName}${user.centreId ? `，服务中心 ${user.centreId}` : ''}）\n`,
          );
        } catch (error) {
          fail(error);
        }
      },
    );
  users
    .command('list')
    .description('列出全部账号（申请人手机号脱敏显示）')
    .action(async () => {
      try {
        const rows = await usersBackend(loadConfig()).list();
        for (const user of rows) process.stdout.write(`${line(user)}\n`);
      } catch (error) {
        fail(error);
      }
    });
  const change = (login: string, what: () => Promise<AccountChange>, done: string) =>
    (async () => {
      try {
        const backend = usersBackend(loadConfig());
        const user = await backend.change(login, await what());
        process.stdout.write(`${done}：${line(user)}\n`);
      } catch (error) {
        fail(error);
      }
    })();
  users
    .command('set <username>')
    .description('修改账号的角色或所属服务中心')
    .option('--role <role>', 'clerk（窗口人员）或 admin（管理员）')
    .option('--centre <id>', '所属服务中心编号；none 表示不属于任何中心（仅管理员）')
    .action((login: string, options: { role?: string; centre?: string }) =>
      change(
        login,
        async () => {
          if (options.role !== undefined && options.role !== 'clerk' && options.role !== 'admin') {
            throw new AccountError('--role 只能是 clerk（窗口人员）或 admin（管理员）');
          }
          if (options.role === undefined && options.centre === undefined) {
            throw new AccountError('请至少给出 --role 或 --centre');
          }
          return {
            ...(options.role ? { role: options.role } : {}),
            ...(options.centre !== undefined
              ? { centreId: options.centre === 'none' ? null : options.centre }
              : {}),
          };
        },
        '已修改',
      ),
    );
  for (const [name, description, disabled, done] of [
    ['disable', '停用账号（立即在所有设备上退出登录）', true, '已停用'],
    ['enable', '重新启用已停用的账号', false, '已启用'],
  ] as const)
    users
      .command(`${name} [username]`)
      .description(description)
      .option('--username <login>', '用户名（也可直接写在命令后）')
      .action((login: string | undefined, options: { username?: string }) =>
        change(login ?? options.username ?? '', async () => ({ disabled }), done),
      );
  users
    .command('reset-password <username>')
    .description('重置密码（在提示符下输入，或从标准输入读取第一行；该账号在所有设备上退出登录）')
    .action((login: string) => change(login, async () => ({ password: await readPassword() }), '已重置密码'));
}

function line(user: ListedUser): string {
  return `${ROLE_LABELS[user.role]}\t${user.login}\t${user.displayName}\t${user.centreId ?? '—'}${user.demo ? '\t演示' : ''}${user.disabled ? '\t已停用' : ''}`;
}

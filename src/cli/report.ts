/**
 * The command line: `npm run --silent report -- <command> …`. Each command is a module of its own
 * (src/cli/*-command.ts) registered in COMMANDS below; this file only dispatches, prints usage and turns
 * wrong arguments into exit code 2.
 *
 * Relative file names are resolved against the directory the user ran npm from (INIT_CWD): `npm run`
 * itself changes into the package directory, which would otherwise make `report check ../报告.json`
 * look in the wrong place.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { checkCommand } from './check-command.ts';
import { docxCommand } from './docx-command.ts';
import { htmlCommand } from './html-command.ts';
import { importCommand } from './import-command.ts';
import { rollupCommand } from './rollup-command.ts';
import { EXIT, INVOCATION, UsageError, type CliCommand, type CliIo } from './command.ts';

/** Every subcommand, in the order `--help` lists them. Add a command with one line here. */
export const COMMANDS: readonly CliCommand[] = [
  checkCommand,
  docxCommand,
  htmlCommand,
  importCommand,
  rollupCommand,
];

export function usageText(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    '政府信息公开工作年度报告 命令行工具',
    '',
    '用法：',
    ...commands.flatMap((command) => command.usage.map((line) => `  ${INVOCATION} ${line}`)),
    `  ${INVOCATION} <命令> --help    某个命令的详细说明`,
    '',
    '命令：',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    '文件可以是本工具保存的草稿文件（.draft.json，格式见随本工具发布的 draft-format.md），也可以是本工具生成的 Word 报告（.docx，其中附带草稿数据）。',
    '退出码：0 成功（check：没有错误）；1 check 发现错误；2 文件无法读取或参数有误（原因写在标准错误输出）。',
    '',
  ].join('\n');
}

function isHelp(arg: string | undefined): boolean {
  return arg === '--help' || arg === '-h' || arg === 'help';
}

/** Runs one invocation; returns the exit code. Never throws for bad input. */
export async function runReport(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  if (isHelp(name)) {
    const topic = commands.find((command) => command.name === args[0]);
    io.stdout(topic ? `${topic.help}\n` : usageText(commands));
    return EXIT.ok;
  }
  if (name === undefined) {
    io.stderr(`缺少命令。\n\n${usageText(commands)}`);
    return EXIT.failure;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`未知的命令“${name}”。\n\n${usageText(commands)}`);
    return EXIT.failure;
  }
  if (args.some((arg) => arg === '--help' || arg === '-h')) {
    io.stdout(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`参数有误：${error.message}\n\n${command.help}\n`);
      return EXIT.failure;
    }
    // A defect of this program, not of the input. The stack trace (English) only when asked for.
    io.stderr(`${command.name} 执行时发生内部错误（本程序的缺陷），输入文件没有被改动。请把输入文件和这条信息发给技术支持。\n`);
    if (process.env.REPORT_DEBUG === '1') io.stderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failure;
  }
}

function userCwd(): string {
  // Only trust INIT_CWD when npm started *this* script; a child of another npm script inherits it.
  return process.env.npm_lifecycle_event === 'report' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
}

function isMain(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  // A closed pipe (`report check … | head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: userCwd(),
  };
  // exitCode rather than exit(): let piped stdout drain first.
  process.exitCode = await runReport(process.argv.slice(2), io);
}

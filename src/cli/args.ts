/**
 * A small argument parser with Chinese messages (node:util's parseArgs has English ones and no notion
 * of our usage text). Supports `--name value`, `--name=value`, boolean flags, short aliases and `--`.
 */
import { UsageError } from './command.ts';

export interface ArgSpec {
  /** Options taking a value, by long name. */
  readonly options?: readonly string[];
  /** Boolean flags, by long name. */
  readonly flags?: readonly string[];
  /** Short alias → long name, e.g. `{ o: 'output' }`. */
  readonly aliases?: Readonly<Record<string, string>>;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Record<string, string>;
  readonly flags: Set<string>;
}

export function parseArgs(args: readonly string[], spec: ArgSpec): ParsedArgs {
  const options = new Set(spec.options ?? []);
  const flags = new Set(spec.flags ?? []);
  const parsed: ParsedArgs = { positionals: [], options: {}, flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      parsed.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const match = /^(--?)([^=]+)(?:=(.*))?$/s.exec(arg);
    const dashes = match?.[1] ?? '';
    const raw = match?.[2] ?? arg;
    const name = dashes === '-' ? spec.aliases?.[raw] : raw;
    const inline = match?.[3];
    if (name !== undefined && flags.has(name)) {
      if (inline !== undefined) throw new UsageError(`选项 ${arg} 不带值，请写作 --${name}`);
      parsed.flags.add(name);
    } else if (name !== undefined && options.has(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new UsageError(`选项 ${dashes}${raw} 后面缺少文件名`);
      if (parsed.options[name] !== undefined) throw new UsageError(`选项 --${name} 只能给一次`);
      parsed.options[name] = value;
    } else {
      throw new UsageError(`未知的选项 ${arg}`);
    }
  }
  return parsed;
}

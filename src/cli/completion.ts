/**
 * `fdr completion bash|zsh`: a shell completion script generated from the commander program itself (its
 * commands, options and arguments), so it cannot drift from the command line it completes.
 *
 * Values are proposed where the definition lists them: an option's or argument's `choices()`, else a
 * description that starts with the values separated by " | " ("json | csv | yaml"; a value may be followed by
 * a remark in parentheses: "process (default) | thread"). A value whose placeholder names a path (`<path>`,
 * `<dir>`, `<file>`) and the arguments complete as file names; other values (`<n>`, `<password>`) as nothing.
 */
import type { Argument, Command, Option } from 'commander';
import { FdrError } from '../errors/index.js';

export const SHELLS = ['bash', 'zsh'] as const;
export type Shell = (typeof SHELLS)[number];

/** "json | csv | yaml" → [json, csv, yaml]; a description that does not start with such a list → undefined. */
export function choicesInDescription(description: string | undefined): string[] | undefined {
  const m = /^\s*([\w.-]+(?:\s*\([^)]*\))?(?:\s*\|\s*[\w.-]+(?:\s*\([^)]*\))?)+)/.exec(description ?? '');
  return m ? m[1]!.split('|').map((part) => part.trim().split(/\s/)[0]!) : undefined;
}

interface OptionSpec {
  flags: string[]; // "-f", "--format"
  takesValue: boolean;
  choices?: string[];
  /** The value is a file or folder name (from the placeholder: <path>, <dir>, <file>). */
  path: boolean;
  description: string;
}

interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** Choices of the first argument, if it has a list of values. */
  argumentChoices?: string[];
}

function optionSpec(o: Option): OptionSpec {
  const flags = [o.short, o.long].filter((f): f is string => Boolean(f));
  const takesValue = o.required || o.optional;
  const choices = takesValue ? (o.argChoices ?? choicesInDescription(o.description)) : undefined;
  const placeholder = /<([^>]+)>|\[([^\]]+)\]/.exec(o.flags);
  const path = takesValue && /path|file|dir|folder/i.test(placeholder?.[1] ?? placeholder?.[2] ?? '');
  return { flags, takesValue, path, description: o.description, ...(choices ? { choices } : {}) };
}

const HELP: OptionSpec = { flags: ['-h', '--help'], takesValue: false, path: false, description: 'display help' };

/** What the completion scripts need from the program: commands, their options (global ones too) and argument values. */
export function describeProgram(program: Command): { name: string; globals: OptionSpec[]; commands: CommandSpec[] } {
  const globals = [...program.options.filter((o) => !o.hidden).map(optionSpec), HELP];
  // The commands as help lists them: commander's own "help [command]" among them.
  const visible = program.createHelp().visibleCommands(program);
  const names = visible.map((c) => c.name());
  const commands = visible.map((c): CommandSpec => {
    const first = c.registeredArguments[0] as Argument | undefined;
    // An argument named "command" takes a command name ("help [command]").
    const argumentChoices = first ? (first.argChoices ?? choicesInDescription(first.description) ?? (first.name() === 'command' ? names.filter((n) => n !== c.name()) : undefined)) : undefined;
    // Global options are accepted after the command too (except --version, which only the program answers).
    const inherited = globals.filter((g) => !g.flags.includes('--version') && !g.flags.includes('--help'));
    return {
      name: c.name(),
      description: c.description(),
      options: [...c.options.filter((o) => !o.hidden).map(optionSpec), ...inherited, HELP],
      ...(argumentChoices ? { argumentChoices } : {}),
    };
  });
  return { name: program.name(), globals, commands };
}

const words = (list: readonly string[]) => list.join(' ');
/** A name usable in a shell function identifier. */
const ident = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');

export function bashScript(program: Command): string {
  const p = describeProgram(program);
  const fn = `_${ident(p.name)}_completion`;
  const valueCases = (options: readonly OptionSpec[]) => {
    const listed = options.filter((o) => o.takesValue && o.choices);
    const paths = options.filter((o) => o.takesValue && !o.choices && o.path).flatMap((o) => o.flags);
    const free = options.filter((o) => o.takesValue && !o.choices && !o.path).flatMap((o) => o.flags);
    return [
      ...listed.map((o) => `        ${o.flags.join('|')}) COMPREPLY=($(compgen -W "${words(o.choices!)}" -- "$cur")); return ;;`),
      ...(paths.length ? [`        ${paths.join('|')}) COMPREPLY=(); return ;;  # a file name (complete -o default)`] : []),
      ...(free.length ? [`        ${free.join('|')}) compopt +o default +o bashdefault 2>/dev/null; COMPREPLY=(); return ;;  # a value to type`] : []),
    ].join('\n');
  };
  const commandCases = p.commands
    .map((c) =>
      [
        `    ${c.name})`,
        `      case "$prev" in`,
        valueCases(c.options),
        `      esac`,
        `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(c.options.flatMap((o) => o.flags))}" -- "$cur"))`,
        c.argumentChoices ? `      else COMPREPLY=($(compgen -W "${words(c.argumentChoices)}" -- "$cur"))` : `      else COMPREPLY=()  # file names (complete -o default)`,
        `      fi ;;`,
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
  return `# bash completion for ${p.name}: generated by \`${p.name} completion bash\` from the command definitions.
# Load it in this shell:   source <(${p.name} completion bash)
# Or for every shell:      ${p.name} completion bash > ~/.local/share/bash-completion/completions/${p.name}
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${p.commands.map((c) => c.name).join('|')}) command="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$command" in
    "")
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(p.globals.flatMap((o) => o.flags))}" -- "$cur"))
      else COMPREPLY=($(compgen -W "${words(p.commands.map((c) => c.name))}" -- "$cur"))
      fi ;;
${commandCases}
  esac
}
complete -o bashdefault -o default -F ${fn} ${p.name}
`;
}

/** Text inside a single-quoted zsh _arguments spec: no quote, and none of the brackets and colons that delimit it. */
const zshText = (s: string) => s.replace(/'/g, '’').replace(/\[/g, '(').replace(/]/g, ')').replace(/:/g, ' -').replace(/\s+/g, ' ').trim();

function zshOption(o: OptionSpec): string {
  const value = !o.takesValue ? '' : o.choices ? `:value:(${words(o.choices)})` : o.path ? ':path:_files' : ':value: ';
  const spec = (flag: string) => `${flag}[${zshText(o.description)}]${value}`;
  if (o.flags.length === 1) return `'${spec(o.flags[0]!)}'`;
  // Either spelling, not both: "(-f --format)"{-f,--format}"[…]…"
  return `'(${o.flags.join(' ')})'{${o.flags.join(',')}}'[${zshText(o.description)}]${value}'`;
}

export function zshScript(program: Command): string {
  const p = describeProgram(program);
  const fn = `_${ident(p.name)}`;
  const commandCases = p.commands
    .map((c) => {
      const args = [...c.options.map(zshOption), c.argumentChoices ? `'1:value:(${words(c.argumentChoices)})'` : `'*:file:_files'`];
      return `        ${c.name})\n          _arguments -s \\\n            ${args.join(' \\\n            ')} ;;`;
    })
    .join('\n');
  return `#compdef ${p.name}
# zsh completion for ${p.name}: generated by \`${p.name} completion zsh\` from the command definitions.
# Load it in this shell (after compinit):   source <(${p.name} completion zsh)
# Or install it:   ${p.name} completion zsh > "\${fpath[1]}/_${p.name}"
${fn}() {
  local curcontext="$curcontext" state line
  typeset -A opt_args
  _arguments -C \\
    ${p.globals.map(zshOption).join(' \\\n    ')} \\
    '1:command:->command' \\
    '*::argument:->argument'
  case $state in
    command)
      local -a commands
      commands=(
        ${p.commands.map((c) => `'${c.name}:${zshText(c.description)}'`).join('\n        ')}
      )
      _describe -t commands '${p.name} command' commands ;;
    argument)
      case $line[1] in
${commandCases}
      esac ;;
  esac
}
if [[ "\${funcstack[1]}" == "${fn}" ]]; then ${fn} "$@"; else compdef ${fn} ${p.name}; fi
`;
}

/** `fdr completion <shell>`: the script on stdout. */
export async function run(shell: string): Promise<number> {
  if (!(SHELLS as readonly string[]).includes(shell))
    throw new FdrError('USAGE', `no completion for shell "${shell}"`, { hint: `use one of ${SHELLS.join(', ')}` });
  const { buildProgram } = await import('./index.js');
  const program = buildProgram();
  process.stdout.write(shell === 'bash' ? bashScript(program) : zshScript(program));
  return 0;
}

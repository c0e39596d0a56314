// Completion scripts come from the commander program: what they propose is read off the definitions.
import { describe, expect, it } from 'vitest';
import { bashScript, choicesInDescription, describeProgram, zshScript } from '../../src/cli/completion.js';
import { buildProgram } from '../../src/cli/index.js';

describe('completion', () => {
  it('reads a list of values at the start of a description, remarks in parentheses aside', () => {
    expect(choicesInDescription('json | csv | yaml')).toEqual(['json', 'csv', 'yaml']);
    expect(choicesInDescription('process (default: a crash stays in its worker) | thread (lighter)')).toEqual(['process', 'thread']);
    expect(choicesInDescription('files, folders or globs')).toBeUndefined();
    expect(choicesInDescription('output file (one input) or folder')).toBeUndefined();
    expect(choicesInDescription(undefined)).toBeUndefined();
  });

  it('covers every command and option of the program, with the values its descriptions list', () => {
    const program = buildProgram();
    const described = describeProgram(program);
    expect(described.commands.map((c) => c.name)).toEqual([...program.commands.map((c) => c.name()), 'help']);
    for (const command of program.commands) {
      const spec = described.commands.find((c) => c.name === command.name())!;
      for (const option of command.options) {
        const o = spec.options.find((x) => x.flags.includes(option.long!))!;
        expect(o, `${command.name()} ${option.long}`).toBeDefined();
        // An option whose description lists values " | " gets exactly those as choices.
        if (/^\w+ \| /.test(option.description)) expect(o.choices?.length, `${command.name()} ${option.long}`).toBeGreaterThan(1);
      }
    }
    const bash = bashScript(program);
    const zsh = zshScript(program);
    for (const command of program.commands) {
      for (const option of command.options) {
        expect(bash).toContain(option.long);
        expect(zsh).toContain(option.long);
      }
    }
    // The value placeholder decides: a path completes as file names, a number as nothing.
    const extract = described.commands.find((c) => c.name === 'extract')!;
    expect(extract.options.find((o) => o.flags.includes('--output'))!.path).toBe(true);
    expect(extract.options.find((o) => o.flags.includes('--jobs'))!.path).toBe(false);
  });
});

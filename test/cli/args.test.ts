import { HELP, USAGE, parseArgs } from '../../src/cli/args';

describe('parseArgs', () => {
  test('check with paths defaults to the human format', () => {
    // WHEN / THEN
    expect(parseArgs(['check', 'a.yaml', 'dir'])).toEqual({ command: 'check', format: 'human', paths: ['a.yaml', 'dir'], allowEmpty: false });
  });

  test('--format json, in either spelling and anywhere after the command', () => {
    // WHEN / THEN
    expect(parseArgs(['check', '--format', 'json', 'a.yaml'])).toEqual({ command: 'check', format: 'json', paths: ['a.yaml'], allowEmpty: false });
    expect(parseArgs(['check', 'a.yaml', '--format=json'])).toEqual({ command: 'check', format: 'json', paths: ['a.yaml'], allowEmpty: false });
  });

  test('- is standard input, and -- ends the options', () => {
    // WHEN / THEN
    expect(parseArgs(['check', '-'])).toEqual({ command: 'check', format: 'human', paths: ['-'], allowEmpty: false });
    expect(parseArgs(['check', '--', '--odd-name.yaml', '-h'])).toEqual({ command: 'check', format: 'human', paths: ['--odd-name.yaml', '-h'], allowEmpty: false });
  });

  test('--help and -h ask for help, with or without a command', () => {
    // WHEN / THEN
    expect(parseArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseArgs(['check', '-h'])).toEqual({ command: 'help' });
    expect(parseArgs(['check', 'a.yaml', '--help'])).toEqual({ command: 'help' });
  });

  test.each([
    [[], 'missing command: check or diff'],
    [['lint', 'a.yaml'], "unknown command 'lint': the commands are check and diff"],
    [['diff', 'old'], 'diff needs two paths, OLD and NEW (each a file, a folder, or -), got 1'],
    [['diff', 'a', 'b', 'c'], 'diff needs two paths, OLD and NEW (each a file, a folder, or -), got 3'],
    [['diff', '-', '-'], 'OLD and NEW cannot both be standard input (-)'],
    [['check'], 'missing PATH: name at least one file, folder, or - for standard input'],
    [['check', '--verbose', 'a.yaml'], "unknown option '--verbose'"],
    [['check', '-v', 'a.yaml'], "unknown option '-v'"],
    [['check', 'a.yaml', '--format'], '--format needs a value: human or json'],
    [['check', '--format', 'sarif', 'a.yaml'], "unknown format 'sarif': use human or json"],
  ])('refuses %j: %s', (argv, message) => {
    // WHEN / THEN
    expect(parseArgs(argv)).toEqual({ command: 'usage-error', message, format: 'human' });
  });

  test('diff takes OLD and NEW, with the options of check', () => {
    // WHEN / THEN
    expect(parseArgs(['diff', 'base/dist', 'pr/dist'])).toEqual({ command: 'diff', format: 'human', old: 'base/dist', new: 'pr/dist', allowEmpty: false });
    expect(parseArgs(['diff', '--format', 'json', '--allow-empty', '-', 'pr/dist'])).toEqual({ command: 'diff', format: 'json', old: '-', new: 'pr/dist', allowEmpty: true });
  });

  test('--allow-empty accepts input without any Kubernetes object', () => {
    // WHEN / THEN
    expect(parseArgs(['check', '--allow-empty', '-'])).toEqual({ command: 'check', format: 'human', paths: ['-'], allowEmpty: true });
  });

  test('a command-line error keeps the format asked for, so that JSON readers get JSON', () => {
    // WHEN / THEN
    expect(parseArgs(['check', '--format', 'json', '--strict', 'a.yaml'])).toEqual({ command: 'usage-error', message: "unknown option '--strict'", format: 'json' });
    expect(parseArgs(['check', '--format=json'])).toEqual({
      command: 'usage-error', message: 'missing PATH: name at least one file, folder, or - for standard input', format: 'json',
    });
  });

  test('the help text starts with the usage line and states the exit codes', () => {
    // THEN
    expect(HELP.startsWith(`${USAGE}\n`)).toBe(true);
    expect(HELP).toContain('  0  no finding at error level');
    expect(HELP).toContain('  1  at least one finding at error level');
    expect(HELP).toContain('  2  the input could not be read or parsed, holds no Kubernetes object, is over a\n     limit (docs/guardrails.md), or the command line is wrong');
    expect(HELP).toContain('  --allow-empty     accept input without any Kubernetes object');
    expect(USAGE.split('\n')).toEqual([
      'Usage: cdk8s-golden check [--format human|json] [--allow-empty] PATH...',
      '       cdk8s-golden diff [--format human|json] [--allow-empty] OLD NEW',
    ]);
    expect(HELP).toContain('the diff rules in docs/diff.md');
    expect(HELP).toContain('     (diff: also when OLD or NEW holds one object twice)\n');
  });
});

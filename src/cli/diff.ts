import { OutputFormat } from './args';
import { CliOutcome, EXIT_FINDINGS, EXIT_OK, failure, inputNames, readInput } from './check';
import { DiffFileFinding, formatDiffHuman, formatDiffJson } from './report';
import { diffManifests } from '../diff/diff';
import { manifestSet } from '../diff/manifest-set';
import { SourceIo, SourcedManifest } from '../guardrails/manifest-files';

/**
 * `cdk8s-golden diff OLD NEW`: reads both sides as `check` reads its paths (same limits, each
 * side with its own input budget), refuses a side that holds one object twice, and reports what
 * the diff rules find. Exit 0 nothing found, 1 findings, 2 unreadable input.
 */
export function runDiff(oldPath: string, newPath: string, format: OutputFormat, allowEmpty: boolean, io: SourceIo): CliOutcome {
  const sides: Array<{ readonly label: string; readonly path: string; sourced?: SourcedManifest[] }> = [
    { label: 'OLD', path: oldPath },
    { label: 'NEW', path: newPath },
  ];
  for (const side of sides) {
    const input = readInput([side.path], format, allowEmpty, io);
    if ('failed' in input) {
      return input.failed;
    }
    side.sourced = input.sourced;
  }
  const [old, next] = sides.map((side) => {
    const sourced = side.sourced!;
    const { set, duplicates } = manifestSet(sourced.map((s) => s.manifest));
    return { side, sourced, set, duplicates };
  });
  const problems = [old, next].flatMap(({ side, sourced, duplicates }) => duplicates.map((d) =>
    `${side.label} (${inputNames([side.path])}) holds ${d.object} twice, in ${sourced[d.first].file} and in ${sourced[d.second].file}; `
    + 'applied, the second would overwrite the first (Argo CD and Flux refuse such output): keep one'));
  if (problems.length > 0) {
    return failure(problems, format, inputNames([oldPath, newPath]));
  }
  const findings: DiffFileFinding[] = diffManifests(old.set, next.set).map((f) => ({
    ...f,
    file: f.position < 0 ? '' : (f.side === 'new' ? next.sourced : old.sourced)[f.position].file,
  }));
  const summary = { old: old.set.objects.length, new: next.set.objects.length };
  return {
    exitCode: findings.length > 0 ? EXIT_FINDINGS : EXIT_OK,
    stdout: format === 'json' ? formatDiffJson(findings) : formatDiffHuman(findings, summary),
    stderr: '',
  };
}

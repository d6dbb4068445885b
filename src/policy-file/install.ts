/**
 * --policy FILE (repeatable): reads each policy file, and puts them in place for the run (a file with a built-in's
 * id replaces it, and standard error says so). Loaded lazily, only by a command given --policy.
 */
import type { Lang } from '../domain/labels.js';
import { formatFileProblem, type FileProblem } from '../io/params-file.js';
import { BUILT_IN_POLICIES, installPolicies, POLICIES } from '../policies/index.js';
import { readPolicyFile, type LoadedPolicy } from './load.js';

export interface PolicyFilesRead {
  loaded: LoadedPolicy[];
  problems: FileProblem[];
}

/** Reads the files; problems of all of them, or every policy. Two files with one id are an error. */
export async function readPolicyFiles(files: readonly string[], lang: Lang): Promise<PolicyFilesRead> {
  const loaded: LoadedPolicy[] = [];
  const problems: FileProblem[] = [];
  // a conflict rule may name any built-in measure, or one of a file read before it
  const knownRefs = new Set<string>();
  for (const p of POLICIES) for (const m of p.measures) knownRefs.add(`${p.id}/${m.id}`);
  for (const file of files) {
    const r = await readPolicyFile(file, { lang, knownRefs });
    if (!r.ok) {
      problems.push(...r.problems);
      continue;
    }
    const twin = loaded.find((l) => l.policy.id === r.loaded.policy.id);
    if (twin) {
      problems.push({ file, line: 1, col: 1, path: 'id', message: lang === 'zh' ? `文件 id “${r.loaded.policy.id}”与 ${twin.source.file} 重复：每个政策文件的 id 须唯一` : `the id "${r.loaded.policy.id}" is also that of ${twin.source.file}: each policy file needs its own id` });
      continue;
    }
    for (const m of r.loaded.policy.measures) knownRefs.add(`${r.loaded.policy.id}/${m.id}`);
    loaded.push(r.loaded);
  }
  return { loaded, problems };
}

/** Formats the problems of --policy files as one message (the first problem, or a count and every one). */
export function policyProblemsText(problems: readonly FileProblem[], flag: string, lang: Lang): string {
  const lines = problems.map(formatFileProblem);
  if (lines.length === 1) return `${flag} ${lines[0]}`;
  return `${flag}: ${lang === 'zh' ? `${lines.length} 个问题` : `${lines.length} problems`}\n  ${lines.join('\n  ')}`;
}

/** Installs read policies; the lines standard error gets for each built-in replaced. */
export function installRead(loaded: readonly LoadedPolicy[], lang: Lang): string[] {
  const replaced = installPolicies(loaded);
  return replaced
    .filter((id) => BUILT_IN_POLICIES.some((p) => p.id === id))
    .map((id) => {
      const file = loaded.find((l) => l.policy.id === id)!.source.file;
      return lang === 'zh' ? `--policy ${file}：替换内置文件 ${id}` : `--policy ${file}: replaces the built-in document ${id}`;
    });
}

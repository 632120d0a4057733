/**
 * The scheduled workflow (`.github/workflows/follow.yml`), read as GitHub reads it, and its two
 * shell steps run as GitHub runs them: the poll's exit codes with a stand-in `npm`, and the
 * commit in a scratch repository, with something new and with nothing.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeTempFolder } from '../../support/tempFolders.ts';

const ROOT = join(import.meta.dirname, '../../..');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { environment?: { name: string }; steps: Step[] }>;
}

const workflow = parse(await readFile(join(ROOT, '.github/workflows/follow.yml'), 'utf8')) as Workflow;
const [job] = Object.values(workflow.jobs);
const steps = job!.steps;

/** The step that uses an action, or runs a command, matching `pattern`. */
function stepIndex(pattern: RegExp): number {
  const index = steps.findIndex((step) => pattern.test(step.uses ?? '') || pattern.test(step.run ?? ''));
  expect(index, `a step matching ${pattern}`).toBeGreaterThanOrEqual(0);
  return index;
}
const stepOf = (pattern: RegExp) => steps[stepIndex(pattern)]!;

const run = promisify(execFile);

/** Runs a step's script as GitHub's runner does (`bash -eo pipefail`), resolving to its exit code and output. */
async function runStep(
  step: Step,
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('the follow workflow', () => {
  it('runs every day, and on demand', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const [schedule, ...others] = workflow.on.schedule!;
    expect(others).toEqual([]);
    // Minute and hour fixed, every day of every month: once a day.
    expect(schedule!.cron).toMatch(/^([0-5]?\d) ([01]?\d|2[0-3]) \* \* \*$/);
  });

  it('may commit and deploy to Pages, and nothing more', () => {
    expect(workflow.permissions).toEqual({ contents: 'write', pages: 'write', 'id-token': 'write' });
    expect(job!.environment?.name).toBe('github-pages');
  });

  it('installs, polls, commits, builds and deploys, in that order', () => {
    const order = [
      /^actions\/checkout@/,
      /^actions\/setup-node@/,
      /^npm install\b/,
      /^\s*npm run follow\b/m,
      /^\s*git commit\b/m,
      /^npm run build$/,
      /^actions\/upload-pages-artifact@/,
      /^actions\/deploy-pages@/,
    ].map(stepIndex);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(stepOf(/^actions\/setup-node@/).with?.['node-version-file']).toBe('.nvmrc');
    expect(stepOf(/^actions\/upload-pages-artifact@/).with?.['path']).toBe('dist');
  });

  it.each([
    [0, 0],
    [1, 0],
    [2, 2],
  ])('ends the poll step with %i… when npm run follow exits %i, and records its status', async (status, expected) => {
    const folder = await makeTempFolder('workflow');
    await mkdir(join(folder, 'bin'));
    // A stand-in for npm, exiting as `npm run follow` would.
    await writeFile(join(folder, 'bin/npm'), `#!/bin/sh\necho "npm $*"\nexit ${status}\n`);
    await chmod(join(folder, 'bin/npm'), 0o755);
    const poll = stepOf(/^\s*npm run follow\b/m);
    const outputs = join(folder, 'outputs');
    const result = await runStep(poll, folder, {
      PATH: `${join(folder, 'bin')}:${process.env['PATH']}`,
      GITHUB_OUTPUT: outputs,
    });
    expect(result.stdout).toContain('npm run follow');
    expect(result.code).toBe(expected);
    expect(await readFile(outputs, 'utf8')).toBe(`status=${status}\n`);
  });

  it('fails the job at the end when a feed failed, after the deploy', () => {
    const failing = steps.findIndex(
      (step) => step.if === `steps.${stepOf(/^\s*npm run follow\b/m).id}.outputs.status == '1'`,
    );
    expect(failing).toBeGreaterThan(stepIndex(/^actions\/deploy-pages@/));
    expect(steps[failing]!.run).toMatch(/\bexit 1\s*$/);
  });

  it('commits what the poll wrote, and makes no commit when it wrote nothing', async () => {
    const folder = await makeTempFolder('workflow');
    const git = (cwd: string, ...args: string[]) => run('git', args, { cwd }).then(({ stdout }) => stdout.trim());
    const remote = join(folder, 'remote.git');
    const clone = join(folder, 'clone');
    await git(folder, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
    await git(folder, 'clone', '--quiet', remote, clone);
    await mkdir(join(clone, 'content/articles'), { recursive: true });
    await writeFile(join(clone, 'content/topic.md'), '---\ntitle: T\n---\n');
    await git(clone, 'add', '.');
    await git(
      clone,
      '-c',
      'user.name=Editor',
      '-c',
      'user.email=editor@example.org',
      'commit',
      '--quiet',
      '-m',
      'Start',
    );
    await git(clone, 'push', '--quiet', 'origin', 'HEAD:main');
    await git(clone, 'branch', '--quiet', '--set-upstream-to=origin/main');
    const commit = stepOf(/^\s*git commit\b/m);
    const commits = () => git(remote, 'rev-list', '--count', 'main');

    const nothing = await runStep(commit, clone, {});
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toContain('Nothing new');
    expect(await commits()).toBe('1');

    await writeFile(join(clone, 'content/articles/2019-03-06-new.md'), '---\ntitle: New\ndraft: true\n---\n\nText.\n');
    await writeFile(join(clone, 'content/follow-state.yaml'), 'sources: {}\n');
    const something = await runStep(commit, clone, {});
    expect(something.code, something.stderr).toBe(0);
    expect(await commits()).toBe('2');
    expect((await git(remote, 'show', '--name-only', '--format=', 'main')).split('\n').sort()).toEqual([
      'content/articles/2019-03-06-new.md',
      'content/follow-state.yaml',
    ]);
  });
});

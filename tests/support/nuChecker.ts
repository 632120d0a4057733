import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { listHtmlFiles, urlPathOf } from './siteFiles.ts';
import { serveSite } from './staticServer.ts';

const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** One message of the Nu Html Checker's JSON output. */
export interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/**
 * Warnings the checker gives that are not faults of the site, each with the reason. Anything
 * else it says, warning or information, fails the check until it is fixed or argued for here.
 */
export const NU_ALLOWED_WARNINGS: { message: RegExp; extract: RegExp; reason: string }[] = [
  {
    message: /^Inline script violates Content Security Policy \(meta tag\): blocked by “script-src” directive/,
    extract: /<script type="application\/ld\+json">/,
    reason:
      'JSON-LD is a data block, not a script: browsers never run it, so script-src does not apply to it ' +
      '(HTML, "prepare the script element", returns before the CSP check for a data block). The browser ' +
      'tests open article pages, which carry it, and fail on any CSP violation Chromium reports.',
  },
  {
    message:
      /^Resource violates Content Security Policy \(meta tag\): image “https:\/\/evil\.example\/[^”]+” blocked by “img-src” directive\.$/,
    extract: /<img src="https:\/\/evil\.example\//,
    reason:
      "The hostile fixture's tracking pixel, from another site inside an article's text: the policy " +
      'blocks every third-party origin so that no such image can track readers, and here it does.',
  },
];

export interface NuReport {
  /** Pages handed to the checker, as URL paths under the site's base. */
  pages: string[];
  /** Errors, checker failures and unexplained warnings or notes, one line each: `path:line: message`. */
  problems: string[];
  /** Warnings on the allow-list, with how often each occurred. */
  allowed: Map<string, number>;
}

function runVnu(urls: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const child = spawn(process.env['JAVA'] ?? 'java', [
    // The checker refuses private addresses unless told otherwise; it checks the site served on
    // 127.0.0.1 rather than files, whose opaque origin would make every 'self' in the CSP fail.
    '-Dnu.validator.servlet.allow-forbidden-hosts=true',
    // No performance-data file in /tmp: tests leave nothing behind.
    '-XX:-UsePerfData',
    '-jar',
    vnuJar,
    '--format',
    'json',
    '--stdout',
    '--exit-zero-always',
    ...urls,
  ]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((done, fail) => {
    child.on('error', (error) =>
      fail(
        new Error(
          `The Nu Html Checker needs Java (apt-get install default-jre-headless; .ci/run does it): ${error.message}`,
        ),
      ),
    );
    child.on('close', (code) => done({ exitCode: code ?? 1, stdout, stderr }));
  });
}

/**
 * Checks every HTML page of a built site with the W3C Nu Html Checker (vnu.jar), in one run of
 * the checker, over HTTP as a static host serves it (under `base` for a sub-path digest).
 */
export async function checkWithNu(siteDir: string, base = '/'): Promise<NuReport> {
  const server = await serveSite(siteDir, base);
  try {
    const pages = (await listHtmlFiles(siteDir)).map((file) => `${base}${urlPathOf(siteDir, file).slice(1)}`);
    // Percent-encoded as a browser sends them: given a raw `/tags/هواوي/`, the checker takes the
    // page's own origin for another, and reports its own scripts and styles as third-party.
    const { exitCode, stdout, stderr } = await runVnu(pages.map((page) => new URL(page, server.url).href));
    if (exitCode !== 0 || !stdout.trim())
      throw new Error(`The Nu Html Checker failed (exit code ${exitCode}):\n${stderr}${stdout}`);
    const { messages } = JSON.parse(stdout) as { messages: NuMessage[] };
    const problems: string[] = [];
    const allowed = new Map<string, number>();
    for (const message of messages) {
      const where = `${message.url ? decodeURIComponent(new URL(message.url).pathname) : '(checker)'}:${message.lastLine ?? 0}`;
      const entry =
        message.type === 'info'
          ? NU_ALLOWED_WARNINGS.find(
              (allow) => allow.message.test(message.message) && allow.extract.test(message.extract ?? ''),
            )
          : undefined;
      if (entry) allowed.set(entry.message.source, (allowed.get(entry.message.source) ?? 0) + 1);
      else
        problems.push(
          `${where}: ${message.type}${message.subType ? `/${message.subType}` : ''}: ${message.message} [${message.extract ?? ''}]`,
        );
    }
    return { pages, problems, allowed };
  } finally {
    await server.close();
  }
}

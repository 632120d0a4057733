/**
 * Dossier's import boundaries, as a local ESLint plugin configured in `eslint.config.js`:
 * - `dossier/layers`: a file under src/ imports only from its own top-level folder or from a lower layer.
 * - `dossier/browser-imports`: code that runs in the browser reaches nothing that needs Node, directly
 *   or through the src modules it imports.
 * Both read `settings.dossier.srcDir`, the absolute path of src/.
 */
import { readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CONFIG = 'eslint.config.js';

/** Node's globals that the browser lacks (`process`, `Buffer`, `__dirname`…), derived rather than listed. */
const NODE_ONLY_GLOBALS = new Set(
  Object.keys(globals.node).filter((name) => !(name in globals.browser) && !(name in globals.serviceworker)),
);

/** Files the Node-only check reads to follow their imports; other files (CSS, JSON) carry no code. */
const CODE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * The modules a program refers to: imports and re-exports (`typeOnly` for `import type`/`export type`,
 * which leave no trace in the output), dynamic `import()`, type-level `import('…')`, and
 * `new URL('…', import.meta.url)`, which is how a worker or an asset is named.
 */
function moduleReferences(ast, visitorKeys) {
  const references = [];
  const add = (node, typeOnly) => {
    const value = node?.type === 'Literal' ? node.value : staticTemplate(node);
    if (typeof value === 'string') references.push({ node, specifier: value, typeOnly });
  };
  const visit = (node) => {
    switch (node.type) {
      case 'ImportDeclaration':
        add(node.source, node.importKind === 'type');
        break;
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (node.source) add(node.source, node.exportKind === 'type');
        break;
      case 'ImportExpression':
        add(node.source, false);
        break;
      case 'TSImportType':
        add(node.source, true);
        break;
      case 'NewExpression':
        if (node.callee.type === 'Identifier' && node.callee.name === 'URL' && isImportMetaUrl(node.arguments[1])) {
          add(node.arguments[0], false);
        }
        break;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = node[key];
      for (const each of Array.isArray(child) ? child : [child]) {
        if (each && typeof each.type === 'string') visit(each);
      }
    }
  };
  visit(ast);
  return references;
}

function staticTemplate(node) {
  return node?.type === 'TemplateLiteral' && node.expressions.length === 0 ? node.quasis[0].value.cooked : undefined;
}

function isImportMetaUrl(node) {
  return (
    node?.type === 'MemberExpression' &&
    node.object.type === 'MetaProperty' &&
    node.object.meta.name === 'import' &&
    node.property.type === 'Identifier' &&
    node.property.name === 'url'
  );
}

/** The path a relative specifier names, or undefined for a package or a virtual module. */
function resolveSpecifier(specifier, fromFile) {
  const bare = specifier.replace(/[?#].*$/, '');
  if (bare !== '.' && bare !== '..' && !bare.startsWith('./') && !bare.startsWith('../')) return undefined;
  return path.resolve(path.dirname(fromFile), bare);
}

/** What the rules know of src/ from the settings: where it is, and how to name a file in a message. */
function srcOf(context) {
  const srcDir = context.settings.dossier?.srcDir;
  if (typeof srcDir !== 'string') throw new Error(`settings.dossier.srcDir must name src/ (see ${CONFIG})`);
  const root = path.dirname(srcDir);
  return {
    /** The file's path inside src/ as segments, or undefined outside src/. */
    segments(file) {
      const inside = path.relative(srcDir, file);
      if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
      return inside.split(path.sep);
    },
    show: (file) => path.relative(root, file).split(path.sep).join('/'),
  };
}

/**
 * The file on disk (an Astro component for the `<script>` blocks eslint-plugin-astro lints as
 * `Component.astro/0_0.ts`), and whether the code linted runs in the browser: a file under a
 * `browser/` folder, or a component's `<script>`. A component's frontmatter runs on the server.
 */
function linted(context) {
  const file = context.physicalFilename;
  const isScriptBlock = context.filename !== file && file.endsWith('.astro');
  return { file, isScriptBlock };
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'A file under src/ imports only from its own top-level folder or from a lower layer' },
    schema: [
      {
        type: 'object',
        properties: {
          layers: { type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } },
          assets: { type: 'object', additionalProperties: { type: 'string' } },
        },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      below:
        '{{from}} may not import {{to}}: {{fromFolder}}/ (rank {{fromRank}}) sits below {{toFolder}}/ (rank {{toRank}}); ' +
        `move the code down or the import up (layers in ${CONFIG})`,
      sameRank:
        '{{from}} may not import {{to}}: {{fromFolder}}/ and {{toFolder}}/ share rank {{fromRank}}, so neither may ' +
        `import the other; move the shared code down to a lower layer (layers in ${CONFIG})`,
      top:
        '{{from}} may not import {{to}}: files directly in src/ sit above every layer; ' +
        `move the code it needs into a layer (layers in ${CONFIG})`,
      unknownTarget: `{{from}} may not import {{to}}: src/{{toFolder}}/ has no layer; place it in the layers in ${CONFIG}`,
      unknownFolder: `{{from}}: src/{{fromFolder}}/ has no layer; place it in the layers in ${CONFIG}`,
      codeInAssets: `{{from}}: src/{{fromFolder}}/ holds {{what}}; put code in a layer (layers in ${CONFIG})`,
    },
  },
  create(context) {
    const src = srcOf(context);
    const { file } = linted(context);
    const fromSegments = src.segments(file);
    if (!fromSegments) return {};
    const options = context.options[0];
    const rankOf = new Map(options.layers.flatMap((layer, rank) => Object.keys(layer).map((folder) => [folder, rank])));
    const assets = options.assets ?? {};
    // A file directly in src/ (content.config.ts) belongs to no folder and sits above every layer.
    const fromFolder = fromSegments.length > 1 ? fromSegments[0] : undefined;

    return {
      Program(program) {
        const from = src.show(file);
        if (fromFolder !== undefined && Object.hasOwn(assets, fromFolder)) {
          context.report({
            node: program,
            messageId: 'codeInAssets',
            data: { from, fromFolder, what: assets[fromFolder] },
          });
          return;
        }
        if (fromFolder !== undefined && !rankOf.has(fromFolder)) {
          context.report({ node: program, messageId: 'unknownFolder', data: { from, fromFolder } });
          return;
        }
        for (const { node, specifier } of moduleReferences(program, context.sourceCode.visitorKeys)) {
          const target = resolveSpecifier(specifier, file);
          const toSegments = target && src.segments(target);
          if (!toSegments) continue;
          const toFolder = toSegments.length > 1 ? toSegments[0] : undefined;
          if (
            fromFolder === undefined ||
            toFolder === fromFolder ||
            (toFolder !== undefined && Object.hasOwn(assets, toFolder))
          ) {
            continue;
          }
          const data = { from, to: src.show(target), fromFolder, toFolder, fromRank: rankOf.get(fromFolder) };
          if (toFolder === undefined) {
            context.report({ node, messageId: 'top', data });
          } else if (!rankOf.has(toFolder)) {
            context.report({ node, messageId: 'unknownTarget', data });
          } else if (rankOf.get(toFolder) === data.fromRank) {
            context.report({ node, messageId: 'sameRank', data });
          } else if (rankOf.get(toFolder) > data.fromRank) {
            context.report({ node, messageId: 'below', data: { ...data, toRank: rankOf.get(toFolder) } });
          }
        }
      },
    };
  },
};

/**
 * What each module needs of Node by itself, and the code modules it imports for their values, kept
 * per file and reused while the file's modification time and size stay the same: a lint run reads
 * and parses each module once however many browser files reach it, and a long-lived ESLint (an
 * editor's) sees an edited module afresh. Following the imports from these facts is a walk over a
 * few dozen map entries, so the transitive answer is derived again for every import instead of
 * being cached and invalidated.
 */
const moduleFacts = new Map();

function factsOf(file, nodeOnlyPackages) {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) return undefined;
  const cached = moduleFacts.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.packages === nodeOnlyPackages) {
    return cached.facts;
  }
  const facts = readFacts(file, nodeOnlyPackages);
  moduleFacts.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, packages: nodeOnlyPackages, facts });
  return facts;
}

function readFacts(file, nodeOnlyPackages) {
  if (file.endsWith('.astro')) return { needs: 'an Astro component, rendered on the server', imports: [] };
  if (!CODE_FILE.test(file)) return { needs: undefined, imports: [] };
  let parsed;
  try {
    parsed = tseslint.parser.parseForESLint(readFileSync(file, 'utf8'), {
      filePath: file,
      sourceType: 'module',
      ecmaVersion: 'latest',
    });
  } catch {
    // A module that does not parse is its own lint error; nothing can be said about what it needs.
    return { needs: undefined, imports: [] };
  }
  const imports = [];
  let needs;
  for (const { specifier, typeOnly } of moduleReferences(parsed.ast, parsed.visitorKeys)) {
    if (typeOnly) continue;
    const target = resolveSpecifier(specifier, file);
    if (target) imports.push(target);
    else needs ??= nodeNeedOf(specifier, nodeOnlyPackages);
  }
  return { needs: needs ?? nodeGlobalUsed(parsed.scopeManager), imports };
}

function nodeGlobalUsed(scopeManager) {
  const reference = scopeManager.globalScope.through.find(
    (each) => each.isValueReference !== false && NODE_ONLY_GLOBALS.has(each.identifier.name),
  );
  return reference && `Node's global ${reference.identifier.name}`;
}

/** Why a package specifier needs Node, or undefined when the browser has it. */
function nodeNeedOf(specifier, nodeOnlyPackages) {
  if (isBuiltin(specifier)) return `'${specifier}', a Node builtin`;
  const named = nodeOnlyPackages.find((name) => specifier === name || specifier.startsWith(`${name}/`));
  return named && `'${specifier}', a Node-only package (nodeOnlyPackages in ${CONFIG})`;
}

/** The shortest chain of value imports from `start` to a module that needs Node, or undefined. */
function nodeChain(start, nodeOnlyPackages) {
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  for (const file of queue) {
    const facts = factsOf(file, nodeOnlyPackages);
    if (!facts) continue;
    if (facts.needs) {
      const chain = [];
      for (let at = file; at !== undefined; at = cameFrom.get(at)) chain.unshift(at);
      return { chain, needs: facts.needs };
    }
    for (const next of facts.imports) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      queue.push(next);
    }
  }
  return undefined;
}

const browserImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Browser code imports nothing that needs Node, directly or through src modules' },
    schema: [
      {
        type: 'object',
        properties: { nodeOnlyPackages: { type: 'array', items: { type: 'string' } } },
        required: ['nodeOnlyPackages'],
        additionalProperties: false,
      },
    ],
    messages: {
      direct: '{{from}} runs in the browser and may not import {{needs}}; keep the Node side out of browser code',
      global: "{{from}} runs in the browser, which has no {{name}} (a Node global); use the browser's own API",
      transitive:
        '{{from}} runs in the browser and may not import {{to}}, which needs Node: {{chain}}; ' +
        'import a module without the Node side, or split it off',
    },
  },
  create(context) {
    const src = srcOf(context);
    const { file, isScriptBlock } = linted(context);
    const segments = src.segments(file);
    if (!segments) return {};
    const inBrowserFolder = !file.endsWith('.astro') && segments.slice(0, -1).includes('browser');
    if (!isScriptBlock && !inBrowserFolder) return {};
    const { nodeOnlyPackages } = context.options[0];
    const from = src.show(file);

    return {
      Program(program) {
        for (const { node, specifier, typeOnly } of moduleReferences(program, context.sourceCode.visitorKeys)) {
          if (typeOnly) continue;
          const target = resolveSpecifier(specifier, file);
          if (!target) {
            const needs = nodeNeedOf(specifier, nodeOnlyPackages);
            if (needs) context.report({ node, messageId: 'direct', data: { from, needs } });
            continue;
          }
          const found = nodeChain(target, nodeOnlyPackages);
          if (!found) continue;
          const chain = [...found.chain.map(src.show), found.needs].join(' → ');
          context.report({ node, messageId: 'transitive', data: { from, to: src.show(target), chain } });
        }
      },
      'Program:exit'() {
        for (const reference of context.sourceCode.scopeManager.globalScope.through) {
          const { name } = reference.identifier;
          if (reference.isValueReference !== false && NODE_ONLY_GLOBALS.has(name)) {
            context.report({ node: reference.identifier, messageId: 'global', data: { from, name } });
          }
        }
      },
    };
  },
};

export default {
  meta: { name: 'dossier' },
  rules: { layers, 'browser-imports': browserImports },
};

// ESLint's recommended rules, TypeScript's and Astro's, for every script and page of Dossier, and the import
// boundaries of src/ (scripts/lint/importLayers.js).
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import dossier from './scripts/lint/importLayers.js';

/**
 * The layers of src/, lowest first, one top-level folder per key. A file may import from its own folder or from
 * a lower layer; folders of one layer may not import each other, so no cycle between folders can form. Files
 * directly in src/ (content.config.ts) sit above every layer. A new folder needs a place here before it lints.
 */
const srcLayers = [
  { lib: 'utilities that know nothing of news: dates, slugs, urls, bytes' },
  { i18n: 'one dictionary per language, plural rules, formats, language tags' },
  { entities: "finding the topic's entities in text, pure" },
  { content: 'what editors write: the article and topic schemas, readTopic, the content checks' },
  { build: "the build contract: the checked topic, every path, the article cache's and search manifest's formats" },
  {
    events: 'dated events found in article text, per language',
    timeline: 'articles grouped by date into timeline pages and exports',
    search: 'search documents and shard lists, shared by the index build and the browser side',
    stories: 'articles that are the same report, grouped: shingles, MinHash candidates, the containment check',
    revisions: "an article's earlier versions, kept beside the articles, and what changed between two, word by word",
    cards: 'social cards: their layout, drawn as PNGs, on worker threads beside the build (the sync lists them)',
  },
  {
    offline: 'the service worker and the reader keeping the digest',
    import: 'pasted text, feeds and web pages turned into article files',
    sync: 'the content loader: articles read, checked, rendered and cached',
  },
  {
    site: "the view models pages share: listings, feeds, pagination, the site's security policy",
    follow: "outlets' feeds polled on a schedule, their items kept or dropped by the topic's rules, the review queue",
  },
  { integration: 'the dossier() integration: the build steps and their order', cli: 'the npm run commands' },
  { components: 'Astro components: thin views of view models' },
  { layouts: 'the page frame every page renders in' },
  { pages: 'routes: fetch view models, render components' },
];

/** Folders of src/ that hold no code, which any layer may import. */
const srcAssets = { styles: 'CSS only' };

/**
 * Packages src/ uses that run in Node alone (file system, child processes, a DOM for the server, Astro's
 * server-side modules); browser code may not reach them, directly or through src modules. Node's builtins
 * need no listing.
 */
const nodeOnlyPackages = [
  '@astrojs/rss',
  '@astrojs/sitemap',
  'astro:content',
  'astro/loaders',
  'esbuild',
  'iconv-lite',
  'linkedom',
  'pagefind',
  'sharp',
  'sharp',
  'tinyglobby',
  // The build contract: the topic and the build's folders, for server code only.
  'virtual:dossier/build',
];

/** Code that runs in the browser: each `browser/` folder of src/ (Astro's `<script>`s are the other half). */
const browserCode = 'src/**/browser/**';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'bench/floor/.astro/', 'bench/floor/dist/', 'tests/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    // Node's globals everywhere but in browser code, which gets the browser's (eslint-plugin-astro gives them
    // to Astro's `<script>`s). Modules both sides import (lib/, search/searchFiles.ts) count as Node code here;
    // dossier/browser-imports keeps them honest from the browser's side instead, by rejecting browser code
    // that reaches a Node global, builtin or package through them.
    ignores: [browserCode, '**/*.astro/*'],
    languageOptions: { globals: globals.node },
  },
  { files: [browserCode], languageOptions: { globals: globals.browser } },
  {
    rules: {
      // A leading underscore marks what is left out on purpose, such as a field taken out of an object.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**'],
    plugins: { dossier },
    settings: { dossier: { srcDir: fileURLToPath(new URL('src', import.meta.url)) } },
    rules: {
      'dossier/layers': ['error', { layers: srcLayers, assets: srcAssets }],
      'dossier/browser-imports': ['error', { nodeOnlyPackages }],
    },
  },
);

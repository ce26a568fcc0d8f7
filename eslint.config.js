import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import { readdirSync } from 'node:fs';

/**
 * The server's domain hierarchy (server/README.md, "Layers and domains"): each domain's parents. A domain
 * may import common/, tenancy/, database/, itself and its ancestors (parents, transitively): never a
 * child, never a sibling. Written once here; the ancestors are computed.
 */
const DOMAIN_PARENTS = {
  county: [],
  township: ['county'],
  auth: ['township'],
  'api-token': ['auth'],
  audit: ['auth'],
  calendar: ['auth'],
  'saved-query': ['auth'],
  term: ['auth'],
  station: ['term'],
  'deputy-group': ['term'],
  deputy: ['station', 'deputy-group'],
  activity: ['deputy'],
  suggestion: ['deputy', 'calendar'],
  'voter-contact': ['deputy'],
  'duty-report': ['activity', 'voter-contact'],
  election: ['term'],
  figure: ['term'],
  'record-coverage': ['auth'],
  metric: ['record-coverage'],
  reporting: ['metric'],
  'quarterly-report': ['reporting'],
  analytics: ['quarterly-report', 'figure', 'election', 'suggestion', 'activity', 'voter-contact'],
  summary: ['analytics'],
  'data-import': ['quarterly-report', 'activity', 'voter-contact', 'suggestion'],
  'deputy-report': ['deputy'],
  performance: ['deputy-report', 'activity', 'suggestion', 'voter-contact', 'record-coverage'],
  notification: ['quarterly-report'],
};

/** A domain's ancestors; throws on a cycle or an unknown parent, so the map stays a hierarchy. */
function ancestorsOf(domain, path = []) {
  if (path.includes(domain)) throw new Error(`domain hierarchy cycle: ${[...path, domain].join(' → ')}`);
  const parents = DOMAIN_PARENTS[domain];
  if (!parents) throw new Error(`unknown domain in the hierarchy: ${domain}`);
  return [...new Set(parents.flatMap((parent) => [parent, ...ancestorsOf(parent, [...path, domain])]))];
}

const SERVER_SRC = 'server/src';
// a new domain must take its place in the hierarchy before it can be linted
const undeclared = readdirSync(`${import.meta.dirname}/${SERVER_SRC}/modules`).filter(
  (name) => !Object.hasOwn(DOMAIN_PARENTS, name),
);
if (undeclared.length > 0) throw new Error(`add to DOMAIN_PARENTS in eslint.config.js: ${undeclared.join(', ')}`);
const domain = (names) => ({ to: { element: { type: 'domain', captured: { domain: names } } } });
const layer = (type) => ({ to: { element: { type } } });

/** Import direction inside server/src: common → tenancy → modules (each domain under its ancestors). */
const serverBoundaries = {
  files: [`${SERVER_SRC}/**/*.ts`],
  plugins: { boundaries },
  settings: {
    // imports name `.js` for `.ts` files: the TypeScript resolver maps them, so every relative import resolves
    'import/resolver': { typescript: { project: `${import.meta.dirname}/server/tsconfig.json` } },
    'boundaries/root-path': import.meta.dirname,
    'boundaries/include': [`${SERVER_SRC}/**/*.ts`],
    'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    // the process entry point: elements are folders, and it may import anything anyway
    'boundaries/ignore': [`${SERVER_SRC}/main.ts`],
    'boundaries/elements': [
      { type: 'common', pattern: `${SERVER_SRC}/common` },
      { type: 'tenancy', pattern: `${SERVER_SRC}/tenancy` },
      { type: 'domain', pattern: `${SERVER_SRC}/modules/*`, capture: ['domain'] },
      { type: 'database', pattern: `${SERVER_SRC}/database` },
      { type: 'test-support', pattern: `${SERVER_SRC}/test-support` },
      // every other folder: the composition roots (graphql, http, server, cli, seed, migrations…)
      { type: 'app', pattern: `${SERVER_SRC}/*` },
    ],
    'boundaries/files': [{ category: 'test', pattern: '**/*.test.ts' }],
  },
  rules: {
    'boundaries/no-unknown-files': 'error',
    // an import that does not resolve to a file of an element is an error, not silently skipped
    'boundaries/no-unknown-dependencies': 'error',
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [
          { from: { element: { type: 'common' } }, allow: [layer('common')] },
          {
            from: { element: { type: 'tenancy' } },
            allow: [
              layer('common'),
              layer('database'),
              // the tenants themselves, and nothing else of the modules
              {
                to: {
                  element: {
                    type: 'domain',
                    captured: [{ domain: 'county' }, { domain: 'township' }],
                    fileInternalPath: ['county.entity.ts', 'township.entity.ts'],
                  },
                },
              },
            ],
          },
          ...Object.keys(DOMAIN_PARENTS).map((name) => ({
            from: { element: { type: 'domain', captured: { domain: name } } },
            allow: [layer('common'), layer('tenancy'), layer('database'), domain([name, ...ancestorsOf(name)])],
          })),
          // the composition roots wire everything together
          { from: { element: { types: ['app', 'database', 'test-support'] } }, allow: [layer('*')] },
          // tests start servers and seed databases, wherever they live
          {
            from: { file: { categories: 'test' } },
            allow: [layer('test-support'), layer('app'), layer('database')],
          },
        ],
      },
    ],
  },
};

const DASHBOARD_SRC = 'dashboard/src';
const FEATURES = readdirSync(`${import.meta.dirname}/${DASHBOARD_SRC}/features`);

/**
 * Import direction inside dashboard/src (dashboard/README.md, "Layout"): shared code (components,
 * composables, utils, graphql, stores, i18n) imports no feature; a feature imports shared code and
 * itself, never another feature; the shell (main.ts, App.vue, router/) composes them.
 */
const dashboardBoundaries = {
  files: [`${DASHBOARD_SRC}/**/*.{ts,vue}`],
  plugins: { boundaries },
  settings: {
    'import/resolver': {
      typescript: { project: `${import.meta.dirname}/dashboard/tsconfig.json`, extensions: ['.ts', '.vue', '.js'] },
    },
    'boundaries/root-path': import.meta.dirname,
    'boundaries/include': [`${DASHBOARD_SRC}/**/*.{ts,vue}`],
    'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    // main.ts and App.vue are the shell too, but elements are folders; env.d.ts declares types only
    'boundaries/ignore': [`${DASHBOARD_SRC}/graphql/generated/**`, `${DASHBOARD_SRC}/*.{ts,vue}`],
    'boundaries/elements': [
      { type: 'feature', pattern: `${DASHBOARD_SRC}/features/*`, capture: ['feature'] },
      { type: 'shared', pattern: `${DASHBOARD_SRC}/(components|composables|utils|graphql|stores|i18n)` },
      { type: 'shell', pattern: `${DASHBOARD_SRC}/router` },
    ],
  },
  rules: {
    'boundaries/no-unknown-files': 'error',
    'boundaries/no-unknown-dependencies': 'error',
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [
          { from: { element: { type: 'shared' } }, allow: [layer('shared')] },
          ...FEATURES.map((name) => ({
            from: { element: { type: 'feature', captured: { feature: name } } },
            allow: [layer('shared'), { to: { element: { type: 'feature', captured: { feature: name } } } }],
          })),
          { from: { element: { type: 'shell' } }, allow: [layer('*')] },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      'artifacts/**',
      'coverage/**',
      'dashboard/src/graphql/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // dashboard: Vue single-file components, TypeScript inside <script setup lang="ts">
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: {
      // formatting is Prettier's
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  {
    files: ['dashboard/src/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', globalThis: 'readonly' } },
  },
  {
    files: ['dashboard/e2e/**/*.js', 'dashboard/scripts/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The Node.js version guard runs on any Node.js, as CommonJS (scripts/README.md).
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  serverBoundaries,
  dashboardBoundaries,
  // dashboard: a translation key is a literal or built by a checked function (src/i18n/message-key.ts),
  // never a template string or `+` inside t() / $t(): vue-i18n's t takes any string, so such a key would
  // escape the type check (dashboard/README.md, "i18n").
  {
    files: ['dashboard/src/**/*.{ts,vue}'],
    rules: Object.fromEntries(
      ['no-restricted-syntax', 'vue/no-restricted-syntax'].map((rule) => [
        rule,
        [
          'error',
          {
            // t(`a.${x}`), $t('a.' + x), i18n.global.t(…), and the Translate callbacks of figure-format.ts
            selector:
              'CallExpression:matches([callee.name=/^(\\$?t|te|tm|translate)$/], [callee.property.name=/^(\\$?t|te|tm|translate)$/])[arguments.0.type=/^(TemplateLiteral|BinaryExpression)$/]',
            message:
              'Build message keys with messageKey()/enumLabel() or a Record<…, MessageKey>, not a template string or +.',
          },
        ],
      ]),
    ),
  },
);

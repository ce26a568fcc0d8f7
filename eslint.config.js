import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';

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

// Flat config. Services may depend on libs/* only, never on each other: the
// no-restricted-imports rule below is that architecture rule, checked on every lint.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const services = ['lead', 'gateway', 'campaign', 'dialer', 'intel', 'notification'];

module.exports = tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'frontend/**', 'coverage/**', '.nx/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...services.map((svc) => ({
    files: [`services/${svc}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: services.filter((s) => s !== svc).flatMap((s) => [`@soraaya/${s}`, `@soraaya/${s}/*`, `**/services/${s}/**`]),
              message: 'Services never import each other: share through libs/contracts or libs/service-kit.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

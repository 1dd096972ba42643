import js from '@eslint/js';
import drizzle from 'eslint-plugin-drizzle';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noDb = {
  group: ['**/db', '**/db/*', '**/db/**', '@/db', '@/db/**'],
  message: 'Only server code reaches the database: go through a server/ service.',
};
const noDrizzle = {
  group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*'],
  message: 'No database access here.',
};
const noTransport = {
  group: ['@trpc/*', 'next', 'next/*', 'react', 'react-dom'],
  message: 'Pure domain rules import no transport or UI.',
};

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'db/migrations/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      '.test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'lanes/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noDb, noDrizzle] }],
    },
  },
  {
    files: ['server/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDb,
            noDrizzle,
            noTransport,
            { group: ['node:*'], message: 'Domain rules run in the browser too.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/trpc/routers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDb, noDrizzle] }] },
  },
);

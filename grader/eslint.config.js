import shared from '@debug-drills/eslint-config'
import globals from 'globals'

export default [
  ...shared,
  // The workshop pages run in the browser, as plain modules served by `drill serve`.
  { files: ['workshop-pages/**/*.js'], languageOptions: { globals: globals.browser, sourceType: 'module' } },
  // The CLI talks to a workshop server through its contract only; `drill serve` and `drill worker` run the server itself.
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/commands/serve.ts', 'src/cli/commands/worker.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)workshop/(?!contract\\.js$)',
              message: 'The CLI reads the workshop API through src/workshop/contract.js only: move what it needs there, or into src/cli.'
            }
          ]
        }
      ]
    }
  }
]

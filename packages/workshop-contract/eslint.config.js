import shared from '@debug-drills/eslint-config'

export default [
  ...shared,
  // The clients in the grader and the server in the workshop both import this package: it stays free of either.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!typebox(/|$))', message: 'The workshop contract may depend on typebox only: both the grader (its clients) and the workshop (its server) import it.' }] }
      ]
    }
  }
]

import shared from '@debug-drills/eslint-config'
import globals from 'globals'

const GRADER_PUBLIC_API = "The workshop builds on the grader's public API: import it as '@debug-drills/grader' (grader/src/index.ts; export what is missing there), never from grader's src/, dist/ or tests."

export default [
  ...shared,
  // The workshop pages run in the browser, as plain modules served by `drill serve`.
  { files: ['pages/**/*.js'], languageOptions: { globals: globals.browser, sourceType: 'module' } },
  // The grader only as a package, by its name: no deep imports into it, neither by path nor by subpath.
  {
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@debug-drills/grader/', message: GRADER_PUBLIC_API },
            { regex: '^\\.\\.?/(.*/)?grader/', message: GRADER_PUBLIC_API }
          ]
        }
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "ImportExpression[source.value=/^@debug-drills\\u002Fgrader\\u002F|^\\.\\.?\\u002F(.*\\u002F)?grader\\u002F/]", message: GRADER_PUBLIC_API }
      ]
    }
  }
]

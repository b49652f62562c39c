import shared from '@debug-drills/eslint-config'

const WORKSHOP_PLUGIN =
  'The workshop depends on the grader, not the other way round: `drill serve` and `drill worker` load @debug-drills/workshop at run time through src/cli/plugins.ts only, and the clients (join, submit, hint) read its API from @debug-drills/workshop-contract.'

export default [
  ...shared,
  // Nothing in the grader imports the workshop package: plugins.ts loads it by a name held in a variable.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^@debug-drills/workshop(/|$)', message: WORKSHOP_PLUGIN }] }],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression[source.value=/^@debug-drills\\u002Fworkshop(\\u002F|$)/]', message: WORKSHOP_PLUGIN }]
    }
  }
]

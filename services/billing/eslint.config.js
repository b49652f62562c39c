import shared from '@debug-drills/eslint-config'

/** Each layer may import only the layers below it: routes → services → repositories → domain. */
const layer = (files, forbidden, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }] }
})

export default [
  ...shared,
  layer(['src/domain/**'], ['fastify', '**/generated/**', '**/repositories/**', '**/services/**', '**/routes/**'], 'The domain is plain logic: no database, no HTTP.'),
  layer(['src/repositories/**'], ['fastify', '**/services/**', '**/routes/**', '**/mappers/**'], 'Repositories only read and write the database.'),
  layer(['src/services/**'], ['fastify', '**/routes/**', '**/mappers/**', '**/schemas/**'], 'Services know nothing of HTTP.'),
  layer(['src/routes/**'], ['**/repositories/**', '**/generated/**'], 'Routes call services, which own the repositories and transactions.')
]

import base from '@debug-drills/eslint-config'

/** A layer may not import the modules matching `forbidden`: the layering holds by a check, not by habit. */
function layer(files, forbidden, message) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }] } }
}

export default [
  ...base,
  layer(
    ['src/domain/**'],
    ['fastify', '@prisma/*', '**/generated/**', '**/repositories/**', '**/services/**', '**/jobs/**', '**/clients/**', '**/routes/**', '**/plugins/**'],
    'domain/ is plain logic: no framework, database or outer layer.'
  ),
  layer(['src/repositories/**'], ['**/services/**', '**/jobs/**', '**/clients/**', '**/routes/**', '**/plugins/**'], 'Repositories only talk to the database.'),
  layer(['src/services/**', 'src/jobs/**', 'src/clients/**'], ['**/routes/**', '**/plugins/**'], 'Use cases and jobs know nothing of HTTP routes or app wiring.'),
  layer(['src/routes/**'], ['**/repositories/**', '**/generated/**', '@prisma/*'], 'Routes call services (fastify.orderService, fastify.orderQueries), never the database.')
]

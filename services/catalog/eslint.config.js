import base from '@debug-drills/eslint-config'

const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })

// The layers hold by a check, not by habit: handlers never reach the database, the domain
// stays free of frameworks and storage, and only repositories (and the plugins that wire
// them) speak Prisma.
export default [
  ...base,
  restrict(['src/domain/**'], [{ group: ['../*', 'fastify', '@prisma/*'], message: 'The domain is plain TypeScript: no framework, no storage, no other layer.' }]),
  restrict(['src/routes/**'], [{ group: ['../repositories/*', '../generated/*', '../jobs/*', '../clients/*'], message: 'Routes call services; they do not reach storage or background work.' }]),
  restrict(['src/services/**', 'src/mappers/**', 'src/jobs/**', 'src/clients/**', 'src/lib/**'], [
    { group: ['../generated/*', '../routes/*', '../plugins/*'], message: 'Only repositories use the Prisma client; nothing depends on routes or plugins.' }
  ])
]

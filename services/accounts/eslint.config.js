import shared from '@debug-drills/eslint-config'

/** Refuses imports from the named layers (folders under src/) in the files given. */
function layer(files, forbidden, reason) {
  const group = forbidden.map((folder) => `**/${folder}/**`)
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message: reason }] }] } }
}

export default [
  ...shared,
  layer(['src/domain/**'], ['routes', 'schemas', 'services', 'repositories', 'generated', 'plugins', 'jobs', 'clients'], 'The domain is plain logic: it depends on nothing else in the service.'),
  layer(['src/routes/**'], ['repositories', 'generated'], 'Routes call services; only repositories touch the database.'),
  layer(['src/services/**'], ['routes', 'plugins', 'generated'], 'Services know the database through repositories only.')
]

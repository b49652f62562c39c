// Rewrites the README's drill table and tracks from scenarios/*/scenario.yaml and scenarios/tracks.yaml.
// grader/test/readme.test.ts fails when they are out of step: run `npm run readme` after changing a manifest.
import { fileURLToPath } from 'node:url'
import { updateReadme } from '../grader/dist/index.js'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const changed = await updateReadme(repoRoot)
console.log(changed ? 'README.md: drill table and tracks rewritten from the manifests.' : 'README.md: drill table and tracks already match the manifests.')

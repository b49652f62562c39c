import { relative } from 'node:path'
import { UsageError } from '../../errors.js'
import { scaffoldScenario } from '../../authoring/scaffold-scenario.js'
import { scaffoldService } from '../../authoring/scaffold-service.js'
import { BUG_CLASSES, type BugClass } from '../../scenarios/manifest-schema.js'
import { parsePort } from '../../trainee/service-setup.js'
import type { CommandContext } from '../command-context.js'

export interface NewOptions {
  service?: string
  bugClass?: string
  port?: string | number
}

/** Scaffolds a drill (`new scenario <id> --service <name>`) or a service (`new service <name>`) and prints what to do next. */
export async function scaffold(kind: string, name: string, options: NewOptions, ctx: CommandContext): Promise<number> {
  const { repoRoot, terminal } = ctx
  const c = terminal.colors
  const steps = (title: string, lines: string[]) => {
    terminal.line(c.green(c.bold(title)))
    lines.forEach((line, index) => terminal.line(`  ${index + 1}. ${line}`))
  }
  if (kind === 'scenario') {
    if (!options.service) throw new UsageError(`Say which service the drill is for: \`drill new scenario ${name} --service <name>\`.`)
    if (options.bugClass !== undefined && !BUG_CLASSES.includes(options.bugClass as BugClass)) {
      throw new UsageError(`--bug-class must be one of ${BUG_CLASSES.join(', ')}, not "${options.bugClass}".`)
    }
    const { dir, files } = await scaffoldScenario({ repoRoot, id: name, service: options.service, ...(options.bugClass ? { bugClass: options.bugClass as BugClass } : {}) })
    const folder = relative(repoRoot, dir)
    const service = `services/${options.service}`
    terminal.line(`Created ${folder}/: ${files.join(', ')}`)
    terminal.line()
    steps('Next (scenarios/README.md has the details):', [
      `Plant the bug in ${service}/src the way a real change would, then \`git diff > ${folder}/bug.patch\` and \`git checkout -- ${service}\`.`,
      `Check that the service's own tests still pass with it: \`git apply ${folder}/bug.patch && (cd ${service} && npm test); git apply -R ${folder}/bug.patch\`.`,
      `Write the reference fix on top of the bug as ${folder}/fix.patch (a diff from the repository root).`,
      `Fill in scenario.yaml, ticket.md and explanation.md (every TODO), and replace the example tests in ${folder}/tests/.`,
      `Add at least 3 alternatives/*.patch (other correct fixes) and 6 hacks/*.patch (wrong fixes, each starting with "family: <family>", one of them outside-src).`,
      `Prove it: \`npx drill validate ${name} --repeat 5\`.`
    ])
    return 0
  }
  if (kind === 'service') {
    const { dir, port, files } = await scaffoldService({ repoRoot, name, ...(options.port !== undefined ? { port: parsePort(options.port, '--port') } : {}) })
    const folder = relative(repoRoot, dir)
    terminal.line(`Created ${folder}/ (port ${port}): ${files.length} files`)
    terminal.line()
    steps('Next:', [
      '`npm install` at the repository root, so the workspace links the new service.',
      `\`cd ${folder} && npm run generate\` to generate its Prisma client.`,
      '`npm run typecheck && npm run lint && npm test` there: all three pass as generated.',
      `Replace the Item model, its migration (prisma/migrations/*_init/migration.sql), the seed, the routes and the README's TODOs with the service's own.`,
      `\`npx drill run ${name}\` serves it with a migrated, seeded database; \`npx drill new scenario ${name}-<symptom> --service ${name}\` starts a drill for it.`
    ])
    return 0
  }
  throw new UsageError(`\`drill new\` makes a scenario or a service, not "${kind}": \`drill new scenario <id> --service <name>\` or \`drill new service <name>\`.`)
}

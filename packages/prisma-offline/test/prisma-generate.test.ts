import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { prismaGenerate } from '../src/index.js'

const scratch = join(import.meta.dirname, '..', '.tmp')
afterAll(() => rm(scratch, { recursive: true, force: true }))

// Inside the package, so the prisma CLI resolves from the workspace's node_modules.
async function projectWith(schema: string): Promise<string> {
  await mkdir(join(import.meta.dirname, '..', '.tmp'), { recursive: true })
  const dir = await mkdtemp(join(import.meta.dirname, '..', '.tmp', 'generate-'))
  await mkdir(join(dir, 'prisma'))
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }')
  await writeFile(join(dir, 'prisma', 'schema.prisma'), schema)
  return dir
}

describe('prismaGenerate', () => {
  it('generates a client without downloading the schema engine', async () => {
    const dir = await projectWith(`
generator client {
  provider = "prisma-client"
  output   = "../generated"
}
datasource db {
  provider = "postgresql"
}
model Thing {
  id Int @id
}`)
    const result = await prismaGenerate({ cwd: dir, args: ['--schema', 'prisma/schema.prisma'] })
    expect(result.exitCode, result.output).toBe(0)
    expect(await readdir(join(dir, 'generated'))).toContain('client.ts')
  }, 60_000)

  it('fails with the schema error when the schema is invalid', async () => {
    const dir = await projectWith('model Broken { id Int @id @nonsense }')
    const result = await prismaGenerate({ cwd: dir, args: ['--schema', 'prisma/schema.prisma'] })
    expect(result.exitCode).not.toBe(0)
    expect(result.output).toMatch(/nonsense/)
  }, 60_000)
})

#!/usr/bin/env node
// `prisma generate` that also works where Prisma's schema engine cannot be downloaded.
import { prismaGenerate } from '../prisma-generate.js'

const { exitCode } = await prismaGenerate({ cwd: process.cwd(), args: process.argv.slice(2), echo: true })
process.exitCode = exitCode

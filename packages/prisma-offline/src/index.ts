export { applyMigrations, MigrationError, type ApplyMigrationsOptions } from './apply-migrations.js'
export { prismaGenerate, type PrismaGenerateResult } from './prisma-generate.js'
export { readMigrations, type Migration } from './read-migrations.js'

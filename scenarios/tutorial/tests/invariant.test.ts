import { check, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { expectGreeting, greet, languageCode, saveLanguage, storedTemplates, unknownLanguageCode, type Language } from './greetings.js'

scenarioTest('formal=true answers the formal greeting, with the name filled in', async () => {
  const language = await saveLanguage()
  await expectGreeting(language, random.fullName(), 'true', 'formal')
  await expectGreeting(language, random.firstName(), 'true', 'formal')
})

scenarioTest('Without formal, the greeting is casual', async () => {
  const language = await saveLanguage()
  await expectGreeting(language, random.fullName(), undefined, 'casual')
})

scenarioTest('Saving a language stores both templates, and saving it again replaces them', async () => {
  const code = languageCode()
  const first = await saveLanguage(code)
  expectEqual(await storedTemplates(code), { formal: first.formal, casual: first.casual }, `The templates stored after PUT /languages/${code}`)
  const second: Language = { code, formal: `${first.formal} Welcome to ${random.city()}.`, casual: `${first.casual} Welcome to ${random.city()}!` }
  expectStatus(await service.put(`/languages/${code}`, { formal: second.formal, casual: second.casual }), 200, `saving ${code} again with new templates`)
  expectEqual(await storedTemplates(code), { formal: second.formal, casual: second.casual }, `The templates stored after the second PUT /languages/${code}`)
  const listed = await service.get<Language[]>('/languages')
  expectStatus(listed, 200, 'listing the languages')
  const entry = listed.body.find((language) => language.code === code)
  check(entry !== undefined, `GET /languages does not list ${code} after it was saved.`)
  expectEqual({ formal: entry.formal, casual: entry.casual }, { formal: second.formal, casual: second.casual }, `The templates GET /languages lists for ${code}`)
})

scenarioTest('An unknown language answers 404, and a greeting without a name 400', async () => {
  const unknown = unknownLanguageCode()
  expectStatus(await greet(unknown, random.fullName(), 'false'), 404, `no language ${unknown} was saved`)
  const language = await saveLanguage()
  expectStatus(await service.get(`/greetings/${language.code}?formal=false`), 400, 'the name is missing')
})

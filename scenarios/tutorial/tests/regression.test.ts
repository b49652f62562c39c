import { expectEqual, random, scenarioTest } from '@debug-drills/drill-kit'
import { expectGreeting, saveLanguage, saveLanguages, storedTemplates } from './greetings.js'

scenarioTest('Asking for the casual greeting with formal=false answers the casual one', async () => {
  const language = await saveLanguage()
  expectEqual(await storedTemplates(language.code), { formal: language.formal, casual: language.casual }, `The templates stored for ${language.code}`)
  await expectGreeting(language, random.fullName(), 'false', 'casual')
})

scenarioTest('formal=true and formal=false each answer their own greeting, in every language', async () => {
  for (const language of await saveLanguages(3)) {
    const name = random.fullName()
    await expectGreeting(language, name, 'true', 'formal')
    await expectGreeting(language, name, 'false', 'casual')
  }
})

import { expectEqual, random, scenarioTest } from '@debug-drills/drill-kit'
import { changePhone, expectPhoneChanged, expectRefused, invalidPhones, person, phone, profileChanges, signUp, signUpRequest, signUpWithPhone } from './phones.js'

scenarioTest('Customers who sign up one after another with valid phone numbers are all accepted', async () => {
  const count = random.int(5, 7)
  for (let i = 1; i <= count; i++) await signUpWithPhone(phone(), `sign-up ${i} of ${count} in a row, each with a valid number`)
})

scenarioTest('A customer can change their phone number several times in a row', async () => {
  const account = await signUp(person(), 'a customer who gives no phone number at first')
  const numbers = Array.from({ length: random.int(3, 4) }, () => phone())
  for (const [index, number] of numbers.entries()) {
    await expectPhoneChanged(account, number, `change ${index + 1} of ${numbers.length} in a row, each to a valid number`)
  }
  expectEqual(await profileChanges(account), numbers.map(() => ['phone']), `The history of account ${account.id}: the fields of each profile change`)
})

scenarioTest('A valid number is accepted whatever came before it: a sign-up, a profile change or a refused number', async () => {
  const first = await signUpWithPhone(phone(), 'a customer with a valid number')
  await expectPhoneChanged(first, phone(), 'right after a sign-up with a valid number')
  const second = await signUpWithPhone(phone(), 'right after a profile change to a valid number')
  const refused = random.pick(invalidPhones())
  expectRefused(await changePhone(second, refused.typed), refused.typed, refused.why)
  await expectPhoneChanged(second, phone(), 'right after a refused number')
  await expectPhoneChanged(first, phone(), 'right after another profile change to a valid number')
  await signUpWithPhone(phone(), 'right after a profile change to a valid number')
})

scenarioTest('Two customers who share a household number can both give it, one after the other', async () => {
  const shared = phone()
  await signUpWithPhone(shared, 'the first of a household')
  const second = await signUpWithPhone({ ...shared, typed: random.pick([shared.typed, shared.e164]) }, 'the second of the household, same number')
  const refused = random.pick(invalidPhones())
  const someone = person({ phone: refused.typed })
  expectRefused(await signUpRequest(someone), refused.typed, refused.why)
  await expectPhoneChanged(second, shared, 'the same number saved again from the profile page')
})

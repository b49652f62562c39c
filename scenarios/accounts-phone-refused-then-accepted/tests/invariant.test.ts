import { expectEqual, expectStatus, random, scenarioTest } from '@debug-drills/drill-kit'
import {
  changePhone,
  expectRefused,
  invalidPhones,
  person,
  phone,
  profileChanges,
  signUp,
  signUpRequest,
  signUpWithPhone,
  storedByEmail,
  storedPhone
} from './phones.js'

scenarioTest('Numbers without a country code, too short, too long or with letters are refused with 400, and nothing is stored', async () => {
  for (const { typed, why } of invalidPhones()) {
    const someone = person({ phone: typed })
    expectRefused(await signUpRequest(someone), typed, why)
    expectEqual(await storedByEmail(someone.email), 0, `The accounts stored for ${someone.email} after a sign-up with phone "${typed}"`)
  }
  const account = await signUp(person(), 'a customer who gives no phone number')
  for (const { typed, why } of invalidPhones()) {
    expectRefused(await changePhone(account, typed), typed, why)
    expectEqual(await storedPhone(account), null, `The phone stored for account ${account.id} after a refused change to "${typed}"`)
  }
  expectEqual(await profileChanges(account), [], `The history of account ${account.id} after refused changes only`)
})

scenarioTest('A number refused for its missing country code is accepted once the customer adds it, and stored in E.164', async () => {
  const number = phone()
  const national = `0${random.int(1, 9)}${number.e164.slice(-8)}`
  const someone = person({ phone: national })
  expectRefused(await signUpRequest(someone), national, 'it has no country code')
  await signUpWithPhone(number, `the same customer again, with the country code: "${number.typed}"`)
})

scenarioTest('Customers without a phone number sign up with none, and a phone number can be removed', async () => {
  const without = await signUp(person(), 'a customer who gives no phone number')
  expectEqual(without.phone, null, `The phone POST /accounts answered for ${without.email}, who gave none`)
  expectEqual(await storedPhone(without), null, `The phone stored for ${without.email}, who gave none`)
  const refused = random.pick(invalidPhones())
  expectRefused(await signUpRequest(person({ phone: refused.typed })), refused.typed, refused.why)
  const withPhone = await signUpWithPhone(phone(), 'a customer with a valid number')
  const removed = await changePhone(withPhone, null)
  expectStatus(removed, 200, `removing the phone number of account ${withPhone.id}`)
  expectEqual(removed.body.phone, null, `The phone PATCH /accounts/${withPhone.id} answered after removing it`)
  expectEqual(await storedPhone(withPhone), null, `The phone stored for account ${withPhone.id} after removing it`)
  expectEqual(await profileChanges(withPhone), [['phone']], `The history of account ${withPhone.id} after removing the phone number`)
})

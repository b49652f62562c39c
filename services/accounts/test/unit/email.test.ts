import { describe, expect, it } from 'vitest'
import { createEmailPolicy, parseDomainList } from '../../src/domain/email-policy.js'
import { emailDomain, maskEmail, normaliseEmail } from '../../src/domain/email.js'
import { UndeliverableEmailError } from '../../src/domain/errors.js'

describe('normaliseEmail', () => {
  it('lower-cases and trims, so that letter case never makes a second account', () => {
    expect(normaliseEmail('  Zeynep.Yilmaz@Proton.ME ')).toBe('zeynep.yilmaz@proton.me')
  })
})

describe('emailDomain', () => {
  it('takes what follows the last @', () => {
    expect(emailDomain('"odd@local"@Mail.Example.com')).toBe('mail.example.com')
  })
})

describe('maskEmail', () => {
  it('keeps the first letter and the domain only', () => {
    expect(maskEmail('wanjiru.okafor@northwind.io')).toBe('w***@northwind.io')
  })

  it('reveals nothing of something that is not an address', () => {
    expect(maskEmail('not-an-address')).toBe('***')
  })
})

describe('the e-mail policy', () => {
  const policy = createEmailPolicy(['spam-factory.test'])

  it('accepts ordinary providers and company domains', () => {
    expect(() => policy.assertAcceptable('maren.larsen@fastmail.fm')).not.toThrow()
    expect(() => policy.assertAcceptable('j.kim@acme-corp.com')).not.toThrow()
  })

  it('refuses disposable domains, their subdomains and configured extras', () => {
    expect(() => policy.assertAcceptable('x@mailinator.com')).toThrow(UndeliverableEmailError)
    expect(() => policy.assertAcceptable('x@eu.YOPmail.com')).toThrow(UndeliverableEmailError)
    expect(() => policy.assertAcceptable('x@spam-factory.test')).toThrow(UndeliverableEmailError)
  })

  it('does not refuse a domain that merely ends like a blocked one', () => {
    expect(() => policy.assertAcceptable('x@notmailinator.com')).not.toThrow()
  })

  it('reads the configured list separated by commas or spaces', () => {
    expect(parseDomainList(' a.test, b.test  c.test,,')).toEqual(['a.test', 'b.test', 'c.test'])
  })
})

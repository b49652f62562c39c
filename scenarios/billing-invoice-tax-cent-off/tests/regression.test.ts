import { random, scenarioTest } from '@debug-drills/drill-kit'
import { drawCase, failWith, invoiceProblems, prepareAll, previewProblem, type TaxCase } from './tax.js'

/** Months with two to four meters whose tax differs by rounding per line, mixed with months where it does not. */
async function mixedCases(): Promise<TaxCase[]> {
  const cases: TaxCase[] = []
  for (const lineCount of [2, 2, 3, 3, 4, 4]) cases.push(await drawCase(lineCount, true))
  for (const lineCount of [2, 3, 4]) cases.push(await drawCase(lineCount, false))
  return random.shuffle(cases)
}

scenarioTest('An invoice with several meters charges the tax on its subtotal, rounded once: as answered, read back, stored and announced', async () => {
  const cases = await mixedCases()
  await prepareAll(cases)
  const problems: string[] = []
  for (const taxCase of cases) problems.push(...(await invoiceProblems(taxCase)))
  failWith(problems, `Invoices charge the wrong tax`)
})

scenarioTest('The invoice preview of a month with several meters shows the tax on its subtotal', async () => {
  const cases = await mixedCases()
  await prepareAll(cases)
  failWith(await Promise.all(cases.map((taxCase) => previewProblem(taxCase))), 'Invoice previews show the wrong tax')
})

// StrykerJS mutation testing of the pure kernel, where a wrong line reaches a patient unnoticed:
// run with `npm run test:mutation` (scripts/mutation.mjs), never as part of `npm test`.
//
// Scope (`mutate`), today:
//   - common/text/dosage.ts         the dose text a patient reads (headline, frequency, rows)
//   - db/queries/search-terms.ts    what a clinician types, turned into the FTS5 query
//   - common/assessments/scoring.ts   questionnaire scores (ODI, NDI, STarT Back, TSK…)
//   - common/assessments/physical.ts  physical tests: McGill ratios and flags, clusters, norms
//   - common/assessments/change.ts    change against the MCID/MDC, by direction
//   - common/safety/rules.ts        safety flags per program item and program, canIssue
//   - common/safety/gates.ts        stage gates (audit §9) and their evaluation
// Joining the scope as they land (add each file here, and its unit tests to vitest.mutation.config.mts):
//   - safety flag rules
//   - test scoring
//   - stage gates
//
// Every mutant that survives is equivalent: it changes no output for any input the app can give.
// They are listed here rather than disabled in the source, so the production files stay as they
// are; a survivor NOT on this list is a gap in the tests. (Lines as of this commit.)
//   common/safety/rules.ts, common/safety/gates.ts: none (1,136 mutants, all killed; the gate
//     defaults are pinned in tests/unit/common/safety/gates-data.test.ts).
//   common/text/dosage.ts
//     34  StringLiteral '' -> "Stryker was here!"   TIMES[0] is never read: sessionsPerDay >= 1.
//   db/queries/search-terms.ts
//     15  Regex /[^\p{L}\p{N}]+/u -> without +      one split per separator only adds empty
//                                                  strings, which the filter drops.
//     25  ArrayDeclaration (prevPrev = [])          the first row is never read: prevPrev is
//                                                  replaced before i = 2, its first use.
//     28  ArrayDeclaration (cur = [])               a JS array grows; every cell is written.
//     31  EqualityOperator j <= cols                an extra cell past the end is NaN, never
//                                                  read for the result nor the row minimum.
//     34  6 mutants of the guard "i > 1 && j > 1"  (-> true, >= 1, ||): a string read at index -1
//                                                  is undefined and never equals a letter, so
//                                                  the letter comparisons already rule out i = 1
//                                                  and j = 1.
//     36  EqualityOperator v <= rowMin             stores the same minimum.
//     57  BooleanLiteral dirty = true              sorting an empty set gives the same [].
//     69  ConditionalExpression -> true            re-adding to a Set changes nothing; it only
//     77  ConditionalExpression -> true            forces a re-sort of the same terms (these
//     79  BooleanLiteral -> true                   three are the sort cache: cost, not output).
//    106  ConditionalExpression "term.length + max < word.length" -> false: a fast path;
//                                                  editDistance's own length check gives max + 1
//                                                  for those terms, and start equals whole.
//    108  ConditionalExpression -> true, EqualityOperator >=: slicing a term no longer than the
//                                                  word to the word's length gives the term.
//    112  ConditionalExpression -> false, EqualityOperator <=, UnaryOperator -1 -> +1 (no coverage):
//                                                  the alphabetical tie-break never decides:
//                                                  terms are unique and arrive sorted into a
//                                                  stable sort (checked with 676 tied terms).
//    155  EqualityOperator n >= 0                  one more look-up, of '' (no words), which is
//                                                  never an entry: entries are non-empty.
//   common/assessments/change.ts
//     77  EqualityOperator >= -> > (threshold - EPS)   the 1e-9 tolerance already admits a change
//     89  EqualityOperator >= -> > (mdc - EPS)         equal to the threshold; only a value exactly
//                                                  1e-9 below it would tell them apart.
//   common/assessments/physical.ts
//    119  EqualityOperator sbRL < 1 -> <= 1            reached only when sbRL is outside 0.95-1.05,
//                                                  so never 1.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: {
    // Only the kernel's unit tests, no global build, fixed order.
    configFile: 'vitest.mutation.config.mts',
  },
  mutate: [
    'common/text/dosage.ts',
    'db/queries/search-terms.ts',
    'common/assessments/scoring.ts',
    'common/assessments/physical.ts',
    'common/assessments/change.ts',
    'common/safety/rules.ts',
    'common/safety/gates.ts',
  ],
  coverageAnalysis: 'perTest',
  // Two cores, shared with other people's test runs.
  concurrency: 2,
  timeoutMS: 10_000,
  thresholds: { high: 95, low: 90, break: 85 },
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // Nothing under these is read by the kernel's tests; copying them only slows the sandbox.
  ignorePatterns: ['/out', '/dist', '/coverage', '/test-results', '/playwright-report', '/.bench', '/docs', '/resources'],
};

// Turns each runner's JSON report into passed / failed / skipped counts for the closing summary line,
// counting exactly what the runner itself counted: a failing test once (not again as its failing
// describe blocks or file), and a test file that failed without running any test (an import error) as
// one failure, since the runner's own test counts would otherwise hide it.

/** @param {any} j Vitest's JSON report */
export function vitestCounts(j) {
  let brokenFiles = 0;
  for (const file of j.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) brokenFiles++;
  }
  return {
    passed: j.numPassedTests ?? 0,
    failed: (j.numFailedTests ?? 0) + brokenFiles,
    skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
    reasons: brokenFiles > 0 ? [`${brokenFiles} test file(s) failed before running any test`] : [],
  };
}

/** @param {any} j Playwright's JSON report */
export function playwrightCounts(j) {
  const reasons = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        for (const a of t.annotations ?? []) {
          if (a.type === 'skip' && a.description) reasons.push(`skipped: ${spec.title}: ${a.description}`);
        }
        if (t.status === 'flaky') reasons.push(`FLAKY (passed on retry): ${spec.title}`);
      }
    }
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of j.suites ?? []) walk(s);
  const st = j.stats ?? {};
  const errors = (j.errors ?? []).length;
  return {
    // A flaky test (failed, then passed on its CI retry) counts as passed and is named in the summary.
    passed: (st.expected ?? 0) + (st.flaky ?? 0),
    // Errors outside any test (a broken config, a crashed worker) fail the run like a failed test.
    failed: (st.unexpected ?? 0) + errors,
    skipped: st.skipped ?? 0,
    reasons,
  };
}

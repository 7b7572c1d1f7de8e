// A small line diff for verification reports: the changed region with a few lines of context,
// in unified style. Outputs here are program outputs, usually short; an LCS table is fine, and
// beyond a size bound we fall back to first-difference context.

const CONTEXT = 3;
const MAX_CELLS = 4_000_000;

export function unifiedDiff(expected: string, actual: string, labels = ['python2.7', 'go']): string {
  if (expected === actual) return '';
  const a = expected.split('\n');
  const b = actual.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const body: string[] = [];
  if (midA.length * midB.length <= MAX_CELLS) {
    // LCS over the differing middle only.
    const n = midA.length;
    const m = midB.length;
    const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        dp[i]![j] = midA[i] === midB[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) { body.push(` ${midA[i]}`); i++; j++; }
      else if (j < m && (i === n || dp[i]![j + 1]! >= dp[i + 1]![j]!)) { body.push(`+${midB[j]}`); j++; }
      else { body.push(`-${midA[i]}`); i++; }
    }
  } else {
    for (const l of midA) body.push(`-${l}`);
    for (const l of midB) body.push(`+${l}`);
  }
  const before = a.slice(Math.max(0, start - CONTEXT), start).map((l) => ` ${l}`);
  const after = a.slice(endA, Math.min(a.length, endA + CONTEXT)).map((l) => ` ${l}`);
  const header = `--- ${labels[0]}\n+++ ${labels[1]}\n@@ -${start - before.length + 1},${endA - start + before.length + after.length} +${start - before.length + 1},${endB - start + before.length + after.length} @@`;
  return [header, ...before, ...body, ...after].join('\n') + '\n';
}

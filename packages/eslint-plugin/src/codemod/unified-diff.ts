/* Lines of unchanged context shown around each change, as `diff -u` does. */
const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: string };

/* Longest-common-subsequence edit script; only run on the region between common prefix and suffix. */
function editScript(before: readonly string[], after: readonly string[]): Op[] {
  const rows = before.length;
  const cols = after.length;
  const lcs: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (let i = rows - 1; i >= 0; i -= 1) {
    const row = lcs[i] ?? [];
    const below = lcs[i + 1] ?? [];
    for (let j = cols - 1; j >= 0; j -= 1) {
      row[j] = before[i] === after[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < rows || j < cols) {
    if (i < rows && j < cols && before[i] === after[j]) {
      ops.push({ kind: ' ', line: before[i] ?? '' });
      i += 1;
      j += 1;
    } else if (i < rows && (j === cols || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      ops.push({ kind: '-', line: before[i] ?? '' });
      i += 1;
    } else {
      ops.push({ kind: '+', line: after[j] ?? '' });
      j += 1;
    }
  }
  return ops;
}

/**
 * A unified diff (`---`/`+++` headers, `@@` hunks with three lines of context) between two texts of
 * one file; empty when they are equal. Pure, so the dry run and the tests share it.
 */
export function unifiedDiff(label: string, before: string, after: string): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) {
    suffix += 1;
  }
  const ops: Op[] = [
    ...a.slice(0, prefix).map((line): Op => ({ kind: ' ', line })),
    ...editScript(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)),
    ...a.slice(a.length - suffix).map((line): Op => ({ kind: ' ', line })),
  ];
  const lines = [`--- a/${label}`, `+++ b/${label}`];
  let index = 0;
  let oldLine = 1;
  let newLine = 1;
  while (index < ops.length) {
    if (ops[index]?.kind === ' ') {
      index += 1;
      oldLine += 1;
      newLine += 1;
      continue;
    }
    // A hunk: back up over the leading context, then run until CONTEXT*2 unchanged lines in a row.
    const lead = Math.min(CONTEXT, index, oldLine - 1);
    let start = index - lead;
    const hunkOld = oldLine - lead;
    const hunkNew = newLine - lead;
    let end = index;
    let quiet = 0;
    while (end < ops.length && quiet <= CONTEXT * 2) {
      quiet = ops[end]?.kind === ' ' ? quiet + 1 : 0;
      end += 1;
    }
    end -= Math.max(0, quiet - CONTEXT);
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    for (; start < end; start += 1) {
      const op = ops[start];
      if (!op) break;
      body.push(`${op.kind}${op.line}`);
      if (op.kind !== '+') oldCount += 1;
      if (op.kind !== '-') newCount += 1;
    }
    lines.push(`@@ -${hunkOld},${oldCount} +${hunkNew},${newCount} @@`, ...body);
    for (; index < end; index += 1) {
      const op = ops[index];
      if (op?.kind !== '+') oldLine += 1;
      if (op?.kind !== '-') newLine += 1;
    }
  }
  return `${lines.join('\n')}\n`;
}

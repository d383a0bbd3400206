import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/codemod/unified-diff.js';

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a.ts', 'x\ny\n', 'x\ny\n')).toBe('');
  });

  it('shows one changed line with three lines of context each side', () => {
    const before = ['1', '2', '3', '4', 'old', '6', '7', '8', '9'].join('\n');
    const after = before.replace('old', 'new');
    expect(unifiedDiff('a.ts', before, after)).toBe(
      ['--- a/a.ts', '+++ b/a.ts', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-old', '+new', ' 6', ' 7', ' 8', ''].join('\n'),
    );
  });

  it('splits distant changes into separate hunks and counts inserted lines', () => {
    const before = Array.from({ length: 20 }, (_, index) => `line ${index + 1}`);
    const after = [...before];
    after[0] = 'first';
    after.splice(15, 0, 'inserted');
    const diff = unifiedDiff('b.ts', before.join('\n'), after.join('\n'));
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,4 +1,4 @@', '@@ -13,6 +13,7 @@']);
    expect(diff).toContain('\n+inserted\n');
  });
});

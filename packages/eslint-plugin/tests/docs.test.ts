import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const docsDir = join(import.meta.dirname, '..', 'docs', 'rules');
const ruleNames = Object.keys(plugin.rules).sort();
const docNames = readdirSync(docsDir)
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.replace(/\.md$/, ''))
  .sort();

describe('rule docs', () => {
  it('has exactly one doc per rule', () => {
    expect(docNames).toEqual(ruleNames);
  });

  describe.each(ruleNames)('%s', (name) => {
    const doc = readFileSync(join(docsDir, `${name}.md`), 'utf8');
    const rule = plugin.rules[name];

    it('has the sections a user looks for', () => {
      for (const heading of ['## Rule Details', '## Options', '## When Not To Use It']) {
        expect(doc).toContain(heading);
      }
      expect(doc).toMatch(/incorrect/i);
      expect(doc).toMatch(/correct/i);
    });

    it('says what typed mode adds', () => {
      expect(doc).toMatch(/## Type information|## Typed mode/);
    });

    it('documents every option of its schema under its own heading', () => {
      const schema = rule?.meta.schema;
      const first = Array.isArray(schema) ? (schema[0] as { properties?: Record<string, unknown> } | undefined) : undefined;
      for (const option of Object.keys(first?.properties ?? {})) {
        expect(doc).toMatch(new RegExp(`^###+ \`${option}\``, 'm'));
      }
    });
  });
});

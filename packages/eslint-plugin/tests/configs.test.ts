import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const prefixed = (name: string): string => `${plugin.meta.namespace}/${name}`;

describe('plugin object', () => {
  it('carries its name, version and namespace from package.json', async () => {
    const { default: pkg } = (await import('../package.json', { with: { type: 'json' } })) as {
      default: { name: string; version: string };
    };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: '@steadfast' });
  });

  it('gives every flat config a name and a reference to the plugin itself', () => {
    for (const [configName, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`@steadfast/${configName}`);
      expect(config.plugins?.['@steadfast']).toBe(plugin);
    }
  });
});

describe('configs follow the rules\u2019 meta', () => {
  const names = Object.keys(plugin.rules);
  const recommended = names.filter((name) => plugin.rules[name]?.meta.docs?.recommended === true);

  it('recommended turns on exactly the rules marked recommended', () => {
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(recommended.map(prefixed).sort());
  });

  it('recommended-type-checked has the same rules and switches typed mode on explicitly', () => {
    const typed = plugin.configs['recommended-type-checked'];
    expect(typed.rules).toEqual(plugin.configs.recommended.rules);
    expect(typed.settings).toEqual({ steadfast: { typeAware: true } });
    expect(plugin.configs.recommended.settings).toBeUndefined();
  });

  it('all turns on every rule as an error', () => {
    expect(plugin.configs.all.rules).toEqual(Object.fromEntries(names.map((name) => [prefixed(name), 'error'])));
  });

  it('every rule works without type information', () => {
    for (const name of names) expect(plugin.rules[name]?.meta.docs?.requiresTypeChecking).not.toBe(true);
  });
});

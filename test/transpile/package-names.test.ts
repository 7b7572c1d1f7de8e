// Go package names for Python modules: readable, and never shared by two modules — Go compares
// import paths case-insensitively, and '.' becomes '__'.

import { describe, expect, it } from 'vitest';
import { goPackageFor } from '../../src/build/index.js';

describe('goPackageFor', () => {
  it('keeps plain names readable', () => {
    expect(goPackageFor('inventory.cli')).toBe('m_inventory__cli');
    expect(goPackageFor('_abcoll')).toBe('m__abcoll');
    expect(goPackageFor('lib2to3.pgen2.parse')).toBe('m_lib2to3__pgen2__parse');
  });

  it('gives modules that differ only in case, or in dots against underscores, different packages', () => {
    const names = ['types', 'TYPES', 'Types', 'a.b', 'a__b', 'a_.b', 'a._b', 'x.y_z', 'x_y.z', '__future__', '__main__', 'UserDict', 'userdict'];
    const packages = names.map(goPackageFor);
    expect(new Set(packages.map((p) => p.toLowerCase())).size).toBe(names.length);
    for (const p of packages) expect(p).toMatch(/^[a-z0-9_]+$/);
  });
});

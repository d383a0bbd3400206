import { describe, expect, it } from 'vitest';
import { PositionedSet, type Positioned } from '../src/worker/positioned-set.js';

class Member implements Positioned {
  position = -1;
  constructor(readonly name: string) {}
}

const names = (set: PositionedSet<Member>): string[] => set.toArray().map((member) => member.name).sort();

describe('PositionedSet', () => {
  it('adds, finds and removes members by identity, moving the last member into a removed one’s place', () => {
    const set = new PositionedSet<Member>();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => new Member(name)) as [Member, Member, Member, Member];
    for (const member of [a, b, c, d]) set.add(member);
    expect(set.size).toBe(4);
    expect(set.delete(b)).toBe(true);
    expect(set.has(b)).toBe(false);
    expect(b.position).toBe(-1);
    // d took b's place: every remaining member is still found, and can still be removed.
    expect([a, c, d].map((member) => set.has(member))).toEqual([true, true, true]);
    expect(names(set)).toEqual(['a', 'c', 'd']);
    expect(set.delete(d)).toBe(true);
    expect(set.delete(a)).toBe(true);
    expect(names(set)).toEqual(['c']);
    expect(set.delete(a)).toBe(false);
    expect(set.size).toBe(1);
  });

  it('adding a member twice keeps one copy', () => {
    const set = new PositionedSet<Member>();
    const a = new Member('a');
    set.add(a);
    set.add(a);
    expect(set.size).toBe(1);
    expect(set.delete(a)).toBe(true);
    expect(set.size).toBe(0);
  });

  it('does not mistake a member of another set for its own', () => {
    const mine = new PositionedSet<Member>();
    const theirs = new PositionedSet<Member>();
    const a = new Member('a');
    const b = new Member('b');
    mine.add(a);
    theirs.add(b);
    // Both sit at index 0 of their own set.
    expect(mine.has(b)).toBe(false);
    expect(mine.delete(b)).toBe(false);
    expect(mine.has(a)).toBe(true);
    expect(theirs.has(b)).toBe(true);
  });

  it('clear() returns every member and leaves each in no set', () => {
    const set = new PositionedSet<Member>();
    const members = ['a', 'b', 'c'].map((name) => new Member(name));
    for (const member of members) set.add(member);
    const cleared = set.clear();
    expect(cleared.map((member) => member.name).sort()).toEqual(['a', 'b', 'c']);
    expect(set.size).toBe(0);
    expect(members.map((member) => [set.has(member), member.position])).toEqual([
      [false, -1],
      [false, -1],
      [false, -1],
    ]);
  });

  it('toArray() is a copy: removing members while iterating it visits every member once', () => {
    const set = new PositionedSet<Member>();
    for (const name of ['a', 'b', 'c', 'd']) set.add(new Member(name));
    const visited: string[] = [];
    for (const member of set.toArray()) {
      visited.push(member.name);
      set.delete(member);
    }
    expect(visited.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(set.size).toBe(0);
  });
});

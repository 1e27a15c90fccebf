import { describe, expect, it } from 'vitest';
import { generatePassword } from '../../scripts/neo4j/local-neo4j.ts';

describe('the generated Neo4j password', () => {
  it('never starts with a dash, which the admin tool would read as an option', () => {
    const passwords = Array.from({ length: 2000 }, generatePassword);
    expect(passwords.filter((password) => password.startsWith('-'))).toEqual([]);
  });

  it('is 48 hex characters (192 random bits), different every time', () => {
    const passwords = Array.from({ length: 200 }, generatePassword);
    for (const password of passwords) expect(password).toMatch(/^[0-9a-f]{48}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

import { describe, expect, it } from 'vitest';
import { passwordStrength } from '../../shared/domain/password-strength.ts';

describe('master password strength', () => {
  it('rates short, repeated and sequential passwords as weak', () => {
    expect(passwordStrength('abc').level).toBe(0);
    expect(passwordStrength('aaaaaaaaaaaaaaaa').level).toBe(0);
    expect(passwordStrength('abcdefghijkl').level).toBeLessThanOrEqual(1);
    expect(passwordStrength('password123456').level).toBeLessThanOrEqual(1);
  });

  it('rates long mixed passwords as strong and enforces the 10-character minimum', () => {
    expect(passwordStrength('店务管家-Strong-2026').level).toBeGreaterThanOrEqual(3);
    expect(passwordStrength('Xk9#mQ2$vL7!pW4&').level).toBe(4);
    expect(passwordStrength('Xk9#mQ2$v').meetsMinimum).toBe(false);
    expect(passwordStrength('Xk9#mQ2$v').level).toBeLessThanOrEqual(1);
    expect(passwordStrength('Xk9#mQ2$vL').meetsMinimum).toBe(true);
  });
});

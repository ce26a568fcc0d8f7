import { describe, expect, it } from '@jest/globals';
import { activationProblem } from './activation-form';

describe('activation form', () => {
  it('asks for both fields, ten characters and the same password twice', () => {
    expect(activationProblem('', '')).toBe('required');
    expect(activationProblem('long-enough-1', '')).toBe('required');
    expect(activationProblem('short-1', 'short-1')).toBe('tooShort');
    expect(activationProblem('long-enough-1', 'long-enough-2')).toBe('mismatch');
    expect(activationProblem('long-enough-1', 'long-enough-1')).toBeNull();
  });

  it('counts a Chinese passphrase by its characters, not its UTF-16 units', () => {
    expect(activationProblem('县人大常委会工作', '县人大常委会工作')).toBe('tooShort');
    expect(activationProblem('眉山县人大常委会工作室', '眉山县人大常委会工作室')).toBeNull();
    expect(activationProblem('😀😀😀😀😀', '😀😀😀😀😀')).toBe('tooShort');
  });
});

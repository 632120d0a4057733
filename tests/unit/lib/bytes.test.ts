import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/lib/bytes.ts';

describe('sizes shown to readers', () => {
  it('picks the unit and the precision a reader needs, in their language', () => {
    expect(formatBytes(48_213_000, 'en')).toBe('48 MB');
    expect(formatBytes(4_821_300, 'en')).toBe('4.8 MB');
    expect(formatBytes(730_400, 'en')).toBe('730 kB');
    expect(formatBytes(12, 'en')).toBe('1 kB');
    expect(formatBytes(2_500_000_000, 'en')).toBe('2.5 GB');
    expect(formatBytes(4_821_300, 'de')).toBe('4,8 MB');
  });
});

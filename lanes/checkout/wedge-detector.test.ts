import { describe, expect, it } from 'vitest';
import { WedgeDetector } from './wedge-detector';

const burst = (detector: WedgeDetector, code: string, start: number, gapMs: number) => {
  [...code].forEach((char, i) => detector.key(char, start + i * gapMs));
  return detector.enter(start + code.length * gapMs);
};

describe('keyboard-wedge detection', () => {
  it('takes a fast burst ending in Enter as a scan', () => {
    expect(burst(new WedgeDetector(), '6901939621608', 0, 8)).toBe('6901939621608');
  });

  it('does not take a person typing as a scan', () => {
    expect(burst(new WedgeDetector(), '6901939621608', 0, 180)).toBeNull();
  });

  it('needs no pause between consecutive scans', () => {
    const detector = new WedgeDetector();
    expect(burst(detector, '6901939621608', 0, 5)).toBe('6901939621608');
    expect(burst(detector, '96385074', 70, 5)).toBe('96385074');
  });

  it('drops slow keys before a burst, and ignores a too-short burst', () => {
    const detector = new WedgeDetector();
    detector.key('9', 0);
    detector.key('9', 400);
    expect(burst(detector, '4006381333931', 1000, 6)).toBe('4006381333931');
    expect(burst(detector, '12', 2000, 5)).toBeNull();
  });

  it('ignores an Enter that comes long after the burst', () => {
    const detector = new WedgeDetector();
    [...'6901939621608'].forEach((c, i) => detector.key(c, i * 5));
    expect(detector.enter(2000)).toBeNull();
  });
});

/**
 * Tells a USB keyboard-wedge scanner from a person typing: a scanner sends a whole code as a burst of
 * keystrokes a few milliseconds apart, ending in Enter; people leave far longer gaps between keys.
 */
export class WedgeDetector {
  private buffer = '';
  private lastKeyAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly maxGapMs = 50,
    private readonly minLength = 4,
  ) {}

  /** A printable key; returns true while the keys so far look like a scanner burst of at least two keys. */
  key(char: string, at: number): boolean {
    if (at - this.lastKeyAt > this.maxGapMs) this.buffer = '';
    this.buffer += char;
    this.lastKeyAt = at;
    return this.buffer.length >= 2;
  }

  /** Enter: the scanned code if the burst qualifies, else null. Either way the burst ends. */
  enter(at: number): string | null {
    const code = this.buffer.length >= this.minLength && at - this.lastKeyAt <= this.maxGapMs ? this.buffer : null;
    this.reset();
    return code;
  }

  reset(): void {
    this.buffer = '';
    this.lastKeyAt = Number.NEGATIVE_INFINITY;
  }

  get pending(): string {
    return this.buffer;
  }
}

import { describe, expect, it } from 'vitest';
import { acceptRead } from './camera-scanner';

describe('camera reads', () => {
  it('takes a code read twice in a row, never a misread EAN with a wrong check digit', () => {
    expect(acceptRead(null, '6901939621608')).toBe(false);
    expect(acceptRead('6901939621608', '6901939621608')).toBe(true);
    expect(acceptRead('6901939621609', '6901939621609')).toBe(false);
    expect(acceptRead('6901939621257', '6901939621608')).toBe(false);
    expect(acceptRead('01-20261121-100000000', '01-20261121-100000000')).toBe(true);
  });
});

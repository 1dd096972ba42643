import { describe, expect, it } from 'vitest';
import { decodeRequest, encodeRequest } from '../index';
import { ecrRefFor } from './ecr-ref';
import { saleRequest } from './sample-messages.test-support';

describe('ecrRefFor', () => {
  it('gives the 32 hex digits of a UUID in lower case, which fill the ANS32 field exactly', () => {
    const ecrRef = ecrRefFor('0190F4A2-C3B8-7D5E-9A1B-2C3D4E5F6071');
    expect(ecrRef).toBe('0190f4a2c3b87d5e9a1b2c3d4e5f6071');
    const request = { ...saleRequest(), ecrRef, nonce: 7 };
    expect(decodeRequest(encodeRequest(request)).ecrRef).toBe(ecrRef);
  });

  it('refuses anything that is not a UUID', () => {
    expect(() => ecrRefFor('0190f4a2c3b87d5e9a1b2c3d4e5f6071')).toThrow(RangeError);
    expect(() => ecrRefFor('0190f4a2-c3b8-7d5e-9a1b-2c3d4e5f607')).toThrow(RangeError);
    expect(() => ecrRefFor('')).toThrow(RangeError);
  });
});

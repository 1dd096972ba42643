import type { IsoMessage } from './field-specs';
import { encodeIsoMessage, MAC_START } from './iso-message';

const BLOCK = 8;
const BITMAP_OFFSET = MAC_START + 2;
const MAC_PLACEHOLDER = '0'.repeat(BLOCK * 2);

/**
 * A stand-in for the UnionPay MAC, documented as such: the message from the MTI to just before field 64, XORed
 * together in 8-byte blocks (the last zero-padded), then XORed with the 8-byte MAC key from sign-in. It catches
 * corruption and a stale key; it is a keyed checksum, not cryptography.
 */
export function computeMac(macBlock: Buffer, macKey: Buffer): Buffer {
  const mac = Buffer.alloc(BLOCK);
  macBlock.forEach((byte, index) => {
    mac[index % BLOCK] = (mac[index % BLOCK] ?? 0) ^ byte;
  });
  for (let index = 0; index < BLOCK; index++) mac[index] = (mac[index] ?? 0) ^ (macKey[index] ?? 0);
  return mac;
}

/** Encodes `message` with field 64 set to its MAC under `macKey`. */
export function encodeWithMac(message: IsoMessage, macKey: Buffer): Buffer {
  const bytes = encodeIsoMessage({ mti: message.mti, fields: { ...message.fields, 64: MAC_PLACEHOLDER } });
  computeMac(bytes.subarray(MAC_START, bytes.length - BLOCK), macKey).copy(bytes, bytes.length - BLOCK);
  return bytes;
}

/** Whether encoded `bytes` carry field 64 and it matches; field 64 is the last field, so the last 8 bytes. */
export function hasValidMac(bytes: Buffer, macKey: Buffer): boolean {
  const carriesMac = ((bytes[BITMAP_OFFSET + 7] ?? 0) & 0x01) === 1;
  if (!carriesMac || bytes.length < BITMAP_OFFSET + BLOCK + BLOCK) return false;
  const expected = computeMac(bytes.subarray(MAC_START, bytes.length - BLOCK), macKey);
  return expected.equals(bytes.subarray(bytes.length - BLOCK));
}

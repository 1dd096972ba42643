import { randomBytes } from 'node:crypto';
import { Iso8583Error } from './iso8583-error';

/** The session keys a sign-in hands out: PIN key (double length) and MAC key (single length). */
export interface WorkingKeys {
  readonly pinKey: Buffer;
  readonly macKey: Buffer;
}

const PIN_KEY_BYTES = 16;
const MAC_KEY_BYTES = 8;
const CHECK_BYTES = 4;
const FIELD_62_BYTES = PIN_KEY_BYTES + CHECK_BYTES + 2 * MAC_KEY_BYTES + CHECK_BYTES;

export const newWorkingKeys = (): WorkingKeys => ({
  pinKey: randomBytes(PIN_KEY_BYTES),
  macKey: randomBytes(MAC_KEY_BYTES),
});

/** Real check values encrypt zeros under the key; ours XOR-fold the key to 4 bytes, enough to catch a corrupt key. */
function checkValue(key: Buffer): Buffer {
  const check = Buffer.alloc(CHECK_BYTES);
  key.forEach((byte, index) => {
    check[index % CHECK_BYTES] = (check[index % CHECK_BYTES] ?? 0) ^ byte;
  });
  return check;
}

/**
 * Field 62 of a sign-in answer, UnionPay's double-length layout: PIK 16 | check 4 | MAK 8 + 8 zero bytes | check 4.
 * Real hosts send the keys encrypted under the terminal master key; the simulator sends them in the clear.
 */
export function encodeField62(keys: WorkingKeys): string {
  const macKeyField = Buffer.concat([keys.macKey, Buffer.alloc(MAC_KEY_BYTES)]);
  return Buffer.concat([keys.pinKey, checkValue(keys.pinKey), macKeyField, checkValue(keys.macKey)])
    .toString('hex')
    .toUpperCase();
}

export function decodeField62(hex: string | undefined): WorkingKeys {
  const bytes = Buffer.from(hex ?? '', 'hex');
  if (bytes.length !== FIELD_62_BYTES) throw new Iso8583Error('field 62', `must be ${FIELD_62_BYTES} bytes of keys`);
  const pinKey = bytes.subarray(0, PIN_KEY_BYTES);
  const macKeyAt = PIN_KEY_BYTES + CHECK_BYTES;
  const macKey = bytes.subarray(macKeyAt, macKeyAt + MAC_KEY_BYTES);
  const pinCheck = bytes.subarray(PIN_KEY_BYTES, macKeyAt);
  const macCheck = bytes.subarray(FIELD_62_BYTES - CHECK_BYTES);
  if (!checkValue(pinKey).equals(pinCheck)) throw new Iso8583Error('field 62', 'PIN key check value does not match');
  if (!checkValue(macKey).equals(macCheck)) throw new Iso8583Error('field 62', 'MAC key check value does not match');
  return { pinKey: Buffer.from(pinKey), macKey: Buffer.from(macKey) };
}

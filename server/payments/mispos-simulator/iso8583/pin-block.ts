/**
 * Field 52: an ISO 9564 format-0 PIN block (PIN field XOR PAN field), "encrypted" by XOR with the two halves of the
 * PIN key. A stand-in for triple-DES, so that no PIN crosses the link in the clear, not a claim of security.
 */
export function encodePinBlock(pin: string, pan: string, pinKey: Buffer): string {
  const pinField = Buffer.from(`0${pin.length.toString(16)}${pin}`.padEnd(16, 'F'), 'hex');
  return xor(xor(pinField, panField(pan)), keyMask(pinKey))
    .toString('hex')
    .toUpperCase();
}

/** The PIN in a field 52 block, or null when the block does not decode to one (wrong key, wrong PAN, corruption). */
export function decodePinBlock(block: string, pan: string, pinKey: Buffer): string | null {
  const pinField = xor(xor(Buffer.from(block, 'hex'), keyMask(pinKey)), panField(pan))
    .toString('hex')
    .toUpperCase();
  const length = Number.parseInt(pinField.slice(1, 2), 16);
  const pin = pinField.slice(2, 2 + length);
  const valid = pinField[0] === '0' && length >= 4 && length <= 12 && /^[0-9]+$/.test(pin);
  return valid && /^F*$/.test(pinField.slice(2 + length)) ? pin : null;
}

/** 0000 and the 12 rightmost PAN digits without the check digit. */
const panField = (pan: string): Buffer => Buffer.from(`0000${pan.slice(-13, -1).padStart(12, '0')}`, 'hex');

const keyMask = (pinKey: Buffer): Buffer => xor(pinKey.subarray(0, 8), pinKey.subarray(8, 16));

function xor(left: Buffer, right: Buffer): Buffer {
  return Buffer.from(left.map((byte, index) => byte ^ (right[index] ?? 0)));
}

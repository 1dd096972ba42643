import { bcdBytes, packBcd, unpackBcd } from './bcd';
import { ISO_FIELD_NUMBERS, ISO_FIELDS, isIsoFieldNumber, type IsoFieldSpec, type IsoMessage } from './field-specs';
import { Iso8583Error } from './iso8583-error';

/** TPDU: id 60, destination NII 0003 (our host), source 0000; the host's answers swap the two. */
export const TPDU_TO_HOST = Buffer.from('6000030000', 'hex');
export const TPDU_TO_TERMINAL = Buffer.from('6000000003', 'hex');
/** Header: application 60 (POS), software version 22, terminal status 0, no processing request, sub-version 000000. */
export const HEADER = Buffer.from('602200000000', 'hex');

const LENGTH_BYTES = 2;
const PREAMBLE_BYTES = TPDU_TO_HOST.length + HEADER.length;
const MTI = /^[0-9]{4}$/;
const PRINTABLE = /^[\x20-\x7e]*$/;
const HEX = /^(?:[0-9A-F]{2})*$/;
const BITMAP_BYTES = 8;
/** Bytes before the MTI; the MAC covers everything from the MTI on. */
export const MAC_START = LENGTH_BYTES + PREAMBLE_BYTES;

export const isResponseMti = (mti: string): boolean => Number(mti[2]) % 2 === 1;

export function encodeIsoMessage(message: IsoMessage): Buffer {
  if (!MTI.test(message.mti)) throw new Iso8583Error('mti', `must be 4 digits, got ${JSON.stringify(message.mti)}`);
  const bitmap = Buffer.alloc(BITMAP_BYTES);
  const parts: Buffer[] = [];
  for (const number of ISO_FIELD_NUMBERS) {
    const value = message.fields[number];
    if (value === undefined) continue;
    setBit(bitmap, number);
    parts.push(encodeField(`field ${number}`, ISO_FIELDS[number], value));
  }
  const tpdu = isResponseMti(message.mti) ? TPDU_TO_TERMINAL : TPDU_TO_HOST;
  const body = Buffer.concat([tpdu, HEADER, packBcd('mti', message.mti), bitmap, ...parts]);
  if (body.length > 0xffff) throw new Iso8583Error('length', `is ${body.length} bytes, at most 65535 fit`);
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt16BE(body.length);
  return Buffer.concat([length, body]);
}

/** One whole message, starting with its 2-byte length. */
export function decodeIsoMessage(bytes: Buffer): IsoMessage {
  if (bytes.length < LENGTH_BYTES) throw new Iso8583Error('length', 'is missing');
  const declared = bytes.readUInt16BE(0);
  if (declared !== bytes.length - LENGTH_BYTES) {
    throw new Iso8583Error('length', `says ${declared} bytes, but ${bytes.length - LENGTH_BYTES} follow`);
  }
  const reader = new Reader(bytes, LENGTH_BYTES);
  const tpdu = reader.take('tpdu', TPDU_TO_HOST.length);
  if (!reader.take('header', HEADER.length).equals(HEADER)) throw new Iso8583Error('header', 'is not 602200000000');
  const mti = unpackBcd('mti', reader.take('mti', 2), 4);
  const expectedTpdu = isResponseMti(mti) ? TPDU_TO_TERMINAL : TPDU_TO_HOST;
  if (!tpdu.equals(expectedTpdu)) {
    throw new Iso8583Error('tpdu', `is ${tpdu.toString('hex')}, expected ${expectedTpdu.toString('hex')} for ${mti}`);
  }
  const bitmap = reader.take('bitmap', BITMAP_BYTES);
  const fields: Record<number, string> = {};
  for (let number = 1; number <= BITMAP_BYTES * 8; number++) {
    if (!hasBit(bitmap, number)) continue;
    if (number === 1) throw new Iso8583Error('bitmap', 'announces a secondary bitmap, which this link never uses');
    if (!isIsoFieldNumber(number)) throw new Iso8583Error('bitmap', `announces field ${number}, unknown on this link`);
    fields[number] = decodeField(`field ${number}`, ISO_FIELDS[number], reader);
  }
  if (!reader.atEnd) throw new Iso8583Error('length', `${reader.remaining} bytes left after the last field`);
  return { mti, fields };
}

const bitMask = (number: number): number => 0x80 >> ((number - 1) & 7);
const hasBit = (bitmap: Buffer, number: number): boolean => ((bitmap[(number - 1) >> 3] ?? 0) & bitMask(number)) !== 0;

function setBit(bitmap: Buffer, number: number): void {
  const index = (number - 1) >> 3;
  bitmap[index] = (bitmap[index] ?? 0) | bitMask(number);
}

function encodeField(name: string, spec: IsoFieldSpec, value: string): Buffer {
  switch (spec.type) {
    case 'n':
      if (value.length !== spec.length) throw new Iso8583Error(name, `must be ${spec.length} digits, got ${value}`);
      return packBcd(name, value);
    case 'an':
      checkText(name, value);
      if (value.length > spec.length) throw new Iso8583Error(name, `holds ${spec.length} characters, got ${value}`);
      if (value.endsWith(' ')) throw new Iso8583Error(name, 'must not end with a space: it is the padding');
      return Buffer.from(value.padEnd(spec.length, ' '), 'ascii');
    case 'b':
      checkHex(name, value);
      if (value.length !== spec.length * 2) throw new Iso8583Error(name, `must be ${spec.length} bytes of hex`);
      return Buffer.from(value, 'hex');
    case 'n-var':
      return withPrefix(name, spec, value.length, packBcd(name, value));
    case 'an-var':
      checkText(name, value);
      return withPrefix(name, spec, value.length, Buffer.from(value, 'ascii'));
    case 'b-var':
      checkHex(name, value);
      return withPrefix(name, spec, value.length / 2, Buffer.from(value, 'hex'));
  }
}

function withPrefix(name: string, spec: { prefix: 'LL' | 'LLL'; max: number }, count: number, data: Buffer): Buffer {
  if (count > spec.max) throw new Iso8583Error(name, `is ${count} long, at most ${spec.max}`);
  const prefixDigits = spec.prefix === 'LL' ? 2 : 4;
  return Buffer.concat([packBcd(name, String(count).padStart(prefixDigits, '0')), data]);
}

function decodeField(name: string, spec: IsoFieldSpec, reader: Reader): string {
  switch (spec.type) {
    case 'n':
      return unpackBcd(name, reader.take(name, bcdBytes(spec.length)), spec.length);
    case 'an': {
      const text = reader.take(name, spec.length).toString('latin1');
      checkText(name, text);
      return text.trimEnd();
    }
    case 'b':
      return reader.take(name, spec.length).toString('hex').toUpperCase();
  }
  const prefixBytes = spec.prefix === 'LL' ? 1 : 2;
  const count = Number(unpackBcd(`${name} length`, reader.take(name, prefixBytes), prefixBytes * 2));
  if (count > spec.max) throw new Iso8583Error(name, `is ${count} long, at most ${spec.max}`);
  switch (spec.type) {
    case 'n-var':
      return unpackBcd(name, reader.take(name, bcdBytes(count)), count);
    case 'an-var': {
      const text = reader.take(name, count).toString('latin1');
      checkText(name, text);
      return text;
    }
    case 'b-var':
      return reader.take(name, count).toString('hex').toUpperCase();
  }
}

function checkText(name: string, text: string): void {
  if (!PRINTABLE.test(text)) throw new Iso8583Error(name, `must be printable ASCII, got ${JSON.stringify(text)}`);
}

function checkHex(name: string, hex: string): void {
  if (!HEX.test(hex)) throw new Iso8583Error(name, 'must be upper-case hex, whole bytes');
}

class Reader {
  constructor(
    private readonly bytes: Buffer,
    private offset: number,
  ) {}

  take(name: string, count: number): Buffer {
    if (this.offset + count > this.bytes.length) throw new Iso8583Error(name, 'runs past the end of the message');
    const slice = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  get atEnd(): boolean {
    return this.offset === this.bytes.length;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }
}

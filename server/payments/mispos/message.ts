import { decodeCancel, encodeCancel } from './cancel';
import { readMessageKind } from './message-kind';
import { decodeRequest, encodeRequest, type MisposRequest } from './request';
import { decodeResponse, encodeResponse, type MisposResponse } from './response';
import { decodeStatus, encodeStatus, type MisposStatus } from './status';

/** Any frame body, told apart by its kind. */
export type MisposMessage =
  | { kind: 'RQ'; request: MisposRequest }
  | { kind: 'RS'; response: MisposResponse }
  | { kind: 'ST'; status: MisposStatus }
  | { kind: 'CN' };

export function encodeMessage(message: MisposMessage): Buffer {
  switch (message.kind) {
    case 'RQ':
      return encodeRequest(message.request);
    case 'RS':
      return encodeResponse(message.response);
    case 'ST':
      return encodeStatus(message.status);
    case 'CN':
      return encodeCancel();
  }
}

export function decodeMessage(body: Buffer): MisposMessage {
  const kind = readMessageKind(body);
  switch (kind) {
    case 'RQ':
      return { kind, request: decodeRequest(body) };
    case 'RS':
      return { kind, response: decodeResponse(body) };
    case 'ST':
      return { kind, status: decodeStatus(body) };
    case 'CN':
      decodeCancel(body);
      return { kind };
  }
}

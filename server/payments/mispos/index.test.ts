import { describe, expect, it } from 'vitest';
import { expectCodecError } from './expect-codec-error.test-support';
import {
  ACK,
  answers,
  decodeMessage,
  describeResponseCode,
  encodeFrame,
  encodeMessage,
  FrameReader,
  standardStatus,
  TXN_TYPE,
  type MisposRequest,
  type MisposResponse,
} from './index';

describe('the public API, as an ECR and a terminal use it', () => {
  it('carries a sale, a status and its answer through frames, and pairs the answer with the sale', () => {
    const sale: MisposRequest = {
      cardKind: '00',
      posId: 'L01',
      operatorId: '1001',
      txnType: TXN_TYPE.sale,
      amountFen: 2599,
      origDate: null,
      origRefNo: '',
      origVoucherNo: 0,
      origAuthCode: '',
      ecrRef: '0190f4a2c3b87d5e9a1b2c3d4e5f6071',
      nonce: 314,
    };
    const terminal = new FrameReader();
    const [received] = terminal.push(encodeFrame(encodeMessage({ kind: 'RQ', request: sale })));
    if (received?.type !== 'frame') throw new Error('the terminal got no frame');
    const decoded = decodeMessage(received.body);
    if (decoded.kind !== 'RQ') throw new Error('the terminal got no request');

    const answer: MisposResponse = {
      respCode: '00',
      cardKind: decoded.request.cardKind,
      txnType: decoded.request.txnType,
      issuerCode: '0102',
      issuerName: '工商银行',
      cardNo: '622202******1234',
      cardOrg: 'CUP',
      fundingType: 'D',
      voucherNo: 1,
      amountFen: decoded.request.amountFen,
      message: '交易成功',
      merchantId: '898310048990001',
      terminalId: '10000001',
      batchNo: 1,
      txnDate: '20261121',
      txnTime: '103000',
      refNo: '112233445566',
      authCode: '654321',
      settleDate: '1121',
      ecrRef: decoded.request.ecrRef,
      nonce: decoded.request.nonce,
      totals: null,
      slip: '签购单\n金额 25.99',
    };
    const ecr = new FrameReader();
    const events = ecr.push(
      Buffer.concat([
        Buffer.of(ACK),
        encodeFrame(encodeMessage({ kind: 'ST', status: standardStatus('01') })),
        encodeFrame(encodeMessage({ kind: 'RS', response: answer })),
      ]),
    );
    const messages = events.flatMap((event) => (event.type === 'frame' ? [decodeMessage(event.body)] : []));
    expect(events[0]).toEqual({ type: 'ack' });
    expect(messages.map((message) => message.kind)).toEqual(['ST', 'RS']);
    const final = messages[1];
    if (final?.kind !== 'RS') throw new Error('no response');
    expect(answers(sale, final.response)).toBe(true);
    expect(describeResponseCode(final.response.respCode).zh).toBe('交易成功');
  });

  it('reports a value that is not a message at all against the whole input', () => {
    expectCodecError(() => encodeMessage({ kind: 'RQ', request: undefined as unknown as MisposRequest }), 'input');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRig, type TestRig } from '../test-ecr.test-support';

let rig: TestRig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(() => rig.close());

describe('the control interface', () => {
  it('shows the state with masked card numbers only', async () => {
    await rig.signIn();
    await rig.sale(1234);
    const { status, json } = await rig.control('GET', '/state');
    expect(status).toBe(200);
    expect(json).toMatchObject({
      terminal: { terminalId: '10000001', signedIn: true, batchNo: 1, lastVoucherNo: 1, ecrConnections: 1 },
      faults: {},
    });
    const text = JSON.stringify(json);
    expect(text).toContain('622202*********4458');
    expect(text).not.toContain('6222021001122334458');
  });

  it('lists the test cards and the amount endings', async () => {
    const { json } = await rig.control('GET', '/cards');
    expect(json).toMatchObject({
      amountEndings: { '51': 'low-balance', '98': 'issuer-silent' },
      cards: expect.arrayContaining([
        expect.objectContaining({ kind: 'foreign-credit', cardOrg: 'VIS', cardNo: '476173******0010' }),
      ]),
    });
  });

  it('injects faults, uses up one-shot strikes, and clears one or all', async () => {
    await rig.faults({ busy: { times: 2 }, bankDelay: { ms: 10, untilCleared: true } });
    expect((await rig.control('GET', '/faults')).json).toEqual({
      faults: { busy: { times: 2, untilCleared: false }, bankDelay: { ms: 10, times: 1, untilCleared: true } },
    });
    await rig.sale(100);
    expect((await rig.control('GET', '/faults')).json).toMatchObject({ faults: { busy: { times: 1 } } });
    expect((await rig.control('DELETE', '/faults/busy')).json).toEqual({
      faults: { bankDelay: { ms: 10, times: 1, untilCleared: true } },
    });
    expect((await rig.control('DELETE', '/faults')).json).toEqual({ faults: {} });
  });

  it('refuses bodies it does not understand with 400, and unknown endpoints with 404', async () => {
    const unknownFault = await rig.control('POST', '/faults', { meteorStrike: {} });
    expect(unknownFault.status).toBe(400);
    expect(unknownFault.json).toMatchObject({ error: 'invalid body' });
    expect((await rig.control('POST', '/faults', { bankDecline: { code: 'Z1' } })).status).toBe(400);
    expect((await rig.control('POST', '/faults', { bankDelay: { ms: -1 } })).status).toBe(400);
    expect((await rig.control('POST', '/faults', { answerDelay: {} })).status).toBe(400);
    expect((await rig.control('POST', '/card', { kind: 'gold-card' })).status).toBe(400);
    expect((await rig.control('POST', '/pinpad', {})).status).toBe(400);
    expect((await rig.control('DELETE', '/faults/meteorStrike')).status).toBe(404);
    expect((await rig.control('GET', '/nothing')).status).toBe(404);
    const notJson = await fetch(`http://127.0.0.1:${rig.simulator.controlPort}/faults`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('chooses a card for every transaction until cleared', async () => {
    await rig.signIn();
    await rig.card({ kind: 'domestic-credit', untilCleared: true });
    expect((await rig.sale(100)).response.fundingType).toBe('C');
    expect((await rig.sale(100)).response.fundingType).toBe('C');
    await rig.control('DELETE', '/card');
    expect((await rig.sale(100)).response.fundingType).toBe('D');
  });
});

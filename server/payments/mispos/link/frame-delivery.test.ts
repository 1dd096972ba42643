import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameDelivery, type DeliveryResult } from './frame-delivery';

const ACK_TIMEOUT_MS = 100;

function startDelivery() {
  const writes: Buffer[] = [];
  const results: [DeliveryResult, number][] = [];
  const delivery = new FrameDelivery(
    Buffer.from('frame'),
    (frame) => writes.push(frame),
    ACK_TIMEOUT_MS,
    (result, sends) => results.push([result, sends]),
  );
  delivery.start();
  return { delivery, writes, results };
}

describe('FrameDelivery', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the frame once and settles on the ACK', () => {
    const { delivery, writes, results } = startDelivery();
    delivery.ack();
    expect(writes).toHaveLength(1);
    expect(results).toEqual([['acked', 1]]);
  });

  it('resends after each NAK, at most twice, and reports the frame refused after the third NAK', () => {
    const { delivery, writes, results } = startDelivery();
    delivery.nak();
    delivery.nak();
    expect(writes).toHaveLength(3);
    expect(results).toEqual([]);
    delivery.nak();
    expect(writes).toHaveLength(3);
    expect(results).toEqual([['refused', 3]]);
  });

  it('settles on an ACK to a resent copy', () => {
    const { delivery, results } = startDelivery();
    delivery.nak();
    delivery.ack();
    expect(results).toEqual([['acked', 2]]);
  });

  it('never resends after silence: the peer may hold the frame', () => {
    const { writes, results } = startDelivery();
    vi.advanceTimersByTime(ACK_TIMEOUT_MS - 1);
    expect(results).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toHaveLength(1);
    expect(results).toEqual([['no-ack', 1]]);
  });

  it('restarts the ACK timeout with each resend', () => {
    const { delivery, results } = startDelivery();
    vi.advanceTimersByTime(ACK_TIMEOUT_MS - 1);
    delivery.nak();
    vi.advanceTimersByTime(ACK_TIMEOUT_MS - 1);
    expect(results).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(results).toEqual([['no-ack', 2]]);
  });

  it('ignores an ACK or NAK after it settled, and reports nothing once disposed', () => {
    const settled = startDelivery();
    vi.advanceTimersByTime(ACK_TIMEOUT_MS);
    settled.delivery.ack();
    settled.delivery.nak();
    expect(settled.writes).toHaveLength(1);
    expect(settled.results).toEqual([['no-ack', 1]]);

    const disposed = startDelivery();
    disposed.delivery.dispose();
    vi.advanceTimersByTime(ACK_TIMEOUT_MS);
    disposed.delivery.nak();
    expect(disposed.writes).toHaveLength(1);
    expect(disposed.results).toEqual([]);
  });
});

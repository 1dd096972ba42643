import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { CARDS_BY_AMOUNT_ENDING, LOST_ANSWER_ENDING, maskPan, TEST_CARDS } from '../bank/test-cards';
import { issuerName } from '../bank/issuers';
import { CardInputSchema, PinPadInputSchema, type CardholderSettings } from './cardholder-settings';
import { FAULT_NAMES, FaultsInputSchema, type FaultName, type Faults } from './faults';

export interface ControlTarget {
  readonly faults: Faults;
  readonly cardholder: CardholderSettings;
  readonly state: () => unknown;
}

export interface ControlServer {
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.error));
  }
}

/** The control interface: JSON over HTTP, on loopback only. Endpoints are listed in README.md. */
export async function startControlServer(target: ControlTarget, port: number): Promise<ControlServer> {
  const server = createServer((request, response) => {
    route(target, request)
      .then((result) => reply(response, 200, result))
      .catch((error: unknown) => {
        if (error instanceof HttpError) reply(response, error.status, error.body);
        else reply(response, 500, { error: error instanceof Error ? error.message : String(error) });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(target: ControlTarget, request: IncomingMessage): Promise<unknown> {
  const { faults, cardholder } = target;
  const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
  const endpoint = `${request.method ?? 'GET'} ${path}`;
  switch (endpoint) {
    case 'GET /state':
      return target.state();
    case 'GET /cards':
      return testCards();
    case 'GET /faults':
      return { faults: faults.list() };
    case 'POST /faults':
      faults.inject(parse(FaultsInputSchema, await readJson(request)));
      return { faults: faults.list() };
    case 'DELETE /faults':
      faults.clear();
      return { faults: faults.list() };
    case 'POST /card':
      cardholder.chooseCard(parse(CardInputSchema, await readJson(request)));
      return cardholder.snapshot();
    case 'DELETE /card':
      cardholder.clearCard();
      return cardholder.snapshot();
    case 'POST /pinpad':
      cardholder.setPinPad(parse(PinPadInputSchema, await readJson(request)).wait);
      return cardholder.snapshot();
  }
  const faultName = /^DELETE \/faults\/([A-Za-z]+)$/.exec(endpoint)?.[1];
  if (faultName !== undefined && isFaultName(faultName)) {
    faults.clear(faultName);
    return { faults: faults.list() };
  }
  throw new HttpError(404, { error: `no endpoint ${endpoint}` });
}

const isFaultName = (name: string): name is FaultName => (FAULT_NAMES as readonly string[]).includes(name);

function testCards() {
  const amountRules = Object.fromEntries(Object.entries(CARDS_BY_AMOUNT_ENDING).map(([end, kind]) => [end, kind]));
  return {
    cards: Object.entries(TEST_CARDS).map(([kind, card]) => ({
      kind,
      cardNo: maskPan(card.pan),
      cardOrg: card.cardOrg,
      fundingType: card.fundingType,
      issuerCode: card.issuerCode,
      issuerName: issuerName(card.issuerCode),
      expiry: card.expiry,
      needsPin: card.pin !== null,
    })),
    amountEndings: { ...amountRules, [String(LOST_ANSWER_ENDING)]: 'domestic-debit, answer lost' },
  };
}

function parse<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new HttpError(400, { error: 'invalid body', issues });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, { error: 'body too large' });
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, { error: 'body is not JSON' });
  }
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(json);
}

import type { IssuerCode } from './issuers';

/** What the host does with a card beyond checking PIN, expiry and funds. */
export type IssuerBehaviour = 'answers' | 'unavailable' | 'silent';

export interface TestCard {
  readonly pan: string;
  readonly cardOrg: 'CUP' | 'VIS';
  readonly fundingType: 'D' | 'C';
  readonly issuerCode: IssuerCode;
  /** `YYMM`. */
  readonly expiry: string;
  /** The PIN the issuer holds; null for a card without PIN (signature). */
  readonly pin: string | null;
  /** What the simulated cardholder types at the PIN pad. */
  readonly typedPin: string | null;
  /** Debit: the balance; credit: the credit limit. */
  readonly openingFen: number;
  readonly perTransactionLimitFen: number;
  /** Prepaid cards approve what they hold (code 10) instead of declining. */
  readonly partialApproval: boolean;
  readonly issuer: IssuerBehaviour;
}

const card = (overrides: Partial<TestCard> & Pick<TestCard, 'pan' | 'issuerCode'>): TestCard => ({
  cardOrg: 'CUP',
  fundingType: 'D',
  expiry: '3012',
  pin: '123456',
  typedPin: '123456',
  openingFen: 10_000_000_000,
  perTransactionLimitFen: 50_000_000,
  partialApproval: false,
  issuer: 'answers',
  ...overrides,
});

/** The simulator's cards (Luhn-valid PANs); the host opens an account for each. */
export const TEST_CARDS = {
  'domestic-debit': card({ pan: '6222021001122334458', issuerCode: '0102' }),
  'domestic-credit': card({
    pan: '6225751000112239',
    issuerCode: '0308',
    fundingType: 'C',
    openingFen: 5_000_000,
  }),
  'foreign-credit': card({
    pan: '4761739001010010',
    issuerCode: '9001',
    cardOrg: 'VIS',
    fundingType: 'C',
    pin: null,
    typedPin: null,
    openingFen: 10_000_000,
  }),
  'low-balance': card({ pan: '6217002000334455666', issuerCode: '0105', openingFen: 50 }),
  'wrong-pin': card({ pan: '6216613000445566776', issuerCode: '0104', typedPin: '000000' }),
  expired: card({ pan: '6228484000556677884', issuerCode: '0103', expiry: '2001' }),
  'issuer-unavailable': card({ pan: '6222605000667788999', issuerCode: '0301', issuer: 'unavailable' }),
  'issuer-silent': card({ pan: '6222626000778899003', issuerCode: '0301', issuer: 'silent' }),
  'prepaid-partial': card({
    pan: '6230587000889900112',
    issuerCode: '0102',
    openingFen: 10_000,
    partialApproval: true,
  }),
} as const satisfies Record<string, TestCard>;

export type TestCardKind = keyof typeof TEST_CARDS;
export const TEST_CARD_KINDS = Object.keys(TEST_CARDS) as [TestCardKind, ...TestCardKind[]];

/** Section 7: the card the simulator presents for an amount ending in these two digits. */
export const CARDS_BY_AMOUNT_ENDING: Readonly<Record<string, TestCardKind>> = {
  '51': 'low-balance',
  '55': 'wrong-pin',
  '54': 'expired',
  '91': 'issuer-unavailable',
  '98': 'issuer-silent',
};

/** Section 7: amounts ending in 97 are approved, but the terminal's answer to the ECR is lost. */
export const LOST_ANSWER_ENDING = 97;

export const maskPan = (pan: string): string =>
  pan.slice(0, 6) + '*'.repeat(Math.max(0, pan.length - 10)) + pan.slice(-4);

import { TEST_CARDS, type TestCard, type TestCardKind } from './test-cards';

export interface Account {
  readonly kind: TestCardKind;
  readonly card: TestCard;
  /** Debit: balance less holds; credit: credit limit less spending and holds. */
  availableFen: number;
}

/** The issuers' side of every test card, reachable by PAN. */
export class Accounts {
  private readonly byPan = new Map<string, Account>();

  constructor() {
    for (const [kind, card] of Object.entries(TEST_CARDS) as [TestCardKind, TestCard][]) {
      this.byPan.set(card.pan, { kind, card, availableFen: card.openingFen });
    }
  }

  find(pan: string | undefined): Account | null {
    return pan === undefined ? null : (this.byPan.get(pan) ?? null);
  }

  /** Adds `deltaFen` (negative to spend or hold); an account of an unknown PAN is left alone. */
  adjust(pan: string, deltaFen: number): void {
    const account = this.byPan.get(pan);
    if (account) account.availableFen += deltaFen;
  }

  list(): readonly Account[] {
    return [...this.byPan.values()];
  }
}

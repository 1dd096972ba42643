import { z } from 'zod';
import { TEST_CARD_KINDS, type TestCardKind } from '../bank/test-cards';

export const CardInputSchema = z.strictObject({
  /** The card to present next, instead of the one the amount picks. */
  kind: z.enum(TEST_CARD_KINDS).optional(),
  /** Present `kind` for every transaction until `DELETE /card`, not just the next. */
  untilCleared: z.boolean().default(false),
  /** true: no card is presented until this is set false again (or a card is chosen, or the ECR cancels). */
  wait: z.boolean().optional(),
});
export type CardInput = z.input<typeof CardInputSchema>;

export const PinPadInputSchema = z.strictObject({
  /** true: the PIN pad waits until set false again or the ECR cancels. */
  wait: z.boolean(),
});

/** The person at the PIN pad, as the control interface tells them to act. */
export class CardholderSettings {
  private chosen: { kind: TestCardKind; untilCleared: boolean } | null = null;
  private cardWaits = false;
  private pinPadWaits = false;
  private readonly listeners = new Set<() => void>();

  chooseCard(input: CardInput): void {
    const parsed = CardInputSchema.parse(input);
    if (parsed.kind) this.chosen = { kind: parsed.kind, untilCleared: parsed.untilCleared };
    this.cardWaits = parsed.wait ?? (parsed.kind ? false : this.cardWaits);
    this.changed();
  }

  clearCard(): void {
    this.chosen = null;
    this.cardWaits = false;
    this.changed();
  }

  setPinPad(wait: boolean): void {
    this.pinPadWaits = wait;
    this.changed();
  }

  /** The chosen card for this transaction, if any; a one-shot choice is used up. */
  takeChosenCard(): TestCardKind | null {
    const chosen = this.chosen;
    if (chosen && !chosen.untilCleared) this.chosen = null;
    return chosen?.kind ?? null;
  }

  get cardHeld(): boolean {
    return this.cardWaits;
  }

  get pinPadHeld(): boolean {
    return this.pinPadWaits;
  }

  /** Resolves true once `ready()` holds, false if `signal` aborts first. */
  waitUntil(ready: () => boolean, signal: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const check = () => {
        if (signal.aborted) finish(false);
        else if (ready()) finish(true);
      };
      const finish = (result: boolean) => {
        this.listeners.delete(check);
        signal.removeEventListener('abort', check);
        resolve(result);
      };
      this.listeners.add(check);
      signal.addEventListener('abort', check);
      check();
    });
  }

  snapshot() {
    return { chosenCard: this.chosen, cardWaits: this.cardWaits, pinPadWaits: this.pinPadWaits };
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** A MIS-POS body or frame that cannot be encoded or decoded; `field` names the culprit (e.g. `amountFen`, `slipLen`). */
export class MisposCodecError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'MisposCodecError';
  }
}

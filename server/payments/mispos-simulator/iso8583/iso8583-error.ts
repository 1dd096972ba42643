/** An ISO 8583 message between terminal and bank host that cannot be encoded or decoded; `field` names the culprit. */
export class Iso8583Error extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'Iso8583Error';
  }
}

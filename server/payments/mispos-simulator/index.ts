export { BankHost, type BankHostSnapshot } from './bank/bank-host';
export { TEST_CARD_KINDS, TEST_CARDS, type TestCardKind } from './bank/test-cards';
export type { CardInput } from './control/cardholder-settings';
export type { FaultName, FaultsInput } from './control/faults';
export type { SimulatorState } from './state-view';
export {
  MisposSimulatorOptionsSchema,
  startMisposSimulator,
  type MisposSimulator,
  type MisposSimulatorOptions,
} from './start-mispos-simulator';

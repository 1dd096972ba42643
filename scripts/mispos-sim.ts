import { parseArgs } from 'node:util';
import { startMisposSimulator } from '../server/payments/mispos-simulator';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    'control-port': { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    'terminal-id': { type: 'string' },
    'merchant-id': { type: 'string' },
    'merchant-name': { type: 'string' },
    'card-delay-ms': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const number = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

const simulator = await startMisposSimulator({
  port: number(values.port),
  controlPort: number(values['control-port']),
  host: values.host,
  terminalId: values['terminal-id'],
  merchantId: values['merchant-id'],
  merchantName: values['merchant-name'],
  cardDelayMs: number(values['card-delay-ms']),
  log: values.quiet ? undefined : (line) => console.log(`[mispos-sim] ${line}`),
});

console.log(`MIS-POS simulator: ECR port ${simulator.host}:${simulator.port}`);
console.log(`Control interface: http://127.0.0.1:${simulator.controlPort}/state`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}

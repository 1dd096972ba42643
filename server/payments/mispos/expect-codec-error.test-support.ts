import { expect } from 'vitest';
import { MisposCodecError } from './codec-error';

/** Asserts that `run` throws a MisposCodecError naming `fieldName` (and matching `problem`, if given). */
export function expectCodecError(run: () => unknown, fieldName: string, problem?: RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected a MisposCodecError naming ${fieldName}`).toBeInstanceOf(MisposCodecError);
  expect((thrown as MisposCodecError).field).toBe(fieldName);
  if (problem) expect((thrown as MisposCodecError).message).toMatch(problem);
}

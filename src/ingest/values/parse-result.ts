import type { InputErrorCode } from '../../model/input-error.js';

/** A cell value that could not be read: the error code and what the message needs. */
export interface ParseFailure {
  readonly failed: true;
  readonly code: InputErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

export function failure(code: InputErrorCode, params?: Readonly<Record<string, string | number>>): ParseFailure {
  return params ? { failed: true, code, params } : { failed: true, code };
}

export function isFailure(value: unknown): value is ParseFailure {
  return typeof value === 'object' && value !== null && (value as { failed?: unknown }).failed === true;
}

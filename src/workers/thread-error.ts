import { TemplateFileError } from '../document/template-file-error.js';

/** An error as it crosses between threads: its class, code, message, stack and own fields. */
export interface ThreadError {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  /** Node's error code (ERR_…) or an own code; undefined when the error has none. */
  readonly code: string | undefined;
  /** The error's own structured-clonable fields (a TemplateFileError's file and problems). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * Error classes that keep their class across threads, so callers' `instanceof` checks (the CLI
 * prints a template error as one line) see the same error a job throws in this thread.
 */
const KNOWN: Readonly<Record<string, { readonly prototype: Error }>> = { TemplateFileError };

/** The thread-crossing form of anything thrown in a job. */
export function toThreadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), stack: undefined, code: undefined, fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === 'name' || key === 'message' || key === 'stack') continue;
    try {
      fields[key] = structuredClone(value);
    } catch {
      // A field that cannot cross (a function, a socket) stays behind; the message carries the gist.
    }
  }
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, stack: error.stack, code: typeof code === 'string' ? code : undefined, fields };
}

/**
 * The error a job threw on another thread, rebuilt here: of its own class when it is one of the
 * known classes, else a WorkerJobError carrying the class name and code. The stack is the
 * worker's (where the error happened).
 */
export function fromThreadError(wire: ThreadError): Error {
  const known = KNOWN[wire.name];
  const error: Error = known ? (Object.create(known.prototype) as Error) : new WorkerJobError(wire.name, wire.message, wire.code);
  Object.assign(error, wire.fields);
  Object.defineProperty(error, 'message', { value: wire.message, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(error, 'name', { value: wire.name, writable: true, configurable: true, enumerable: false });
  if (wire.stack !== undefined) Object.defineProperty(error, 'stack', { value: wire.stack, writable: true, configurable: true, enumerable: false });
  return error;
}

/** An error thrown by a job on a worker thread, of a class not rebuilt here. */
export class WorkerJobError extends Error {
  constructor(
    /** The class name of the error in the worker (TypeError, ZipFormatError …). */
    readonly errorClass: string,
    message: string,
    /** The error's code in the worker, if it had one. */
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = errorClass;
  }
}

/**
 * A worker that stopped without answering (process.exit in a job, a native crash): its job
 * cannot be trusted to have run, and is rejected with this.
 */
export class WorkerExitError extends Error {
  readonly code = 'ERR_QMSDOC_WORKER_EXITED';
  constructor(readonly exitCode: number) {
    super(`render worker exited with code ${exitCode} before finishing its job`);
    this.name = 'WorkerExitError';
  }
}

/** Node's code for a worker that outgrew its resourceLimits. */
export const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

/** True for the one failure worth retrying on the main thread: a worker out of memory. */
export function isWorkerOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === OUT_OF_MEMORY;
}

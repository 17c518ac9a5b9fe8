/**
 * Why the sandbox could not start, in one line a person can act on. `npm run sandbox` prints the
 * message alone (no stack trace) and exits 1.
 */
export type SandboxStartProblem = 'port-in-use' | 'cannot-listen' | 'bad-option' | 'bad-data';

export class SandboxStartError extends Error {
  constructor(
    readonly problem: SandboxStartProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SandboxStartError';
  }
}

/** A listen() failure as a SandboxStartError. */
export function listenError(err: unknown, host: string, port: number): SandboxStartError {
  const code = (err as NodeJS.ErrnoException).code;
  const where = `${host}:${port}`;
  if (code === 'EADDRINUSE') return new SandboxStartError('port-in-use', `port ${port} is already in use on ${host}; stop the other server or pass --port N (0 picks a free port)`, { cause: err });
  if (code === 'EACCES') return new SandboxStartError('cannot-listen', `not allowed to listen on ${where}; pick a port above 1023`, { cause: err });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new SandboxStartError('cannot-listen', `${host} is not an address of this machine`, { cause: err });
  return new SandboxStartError('cannot-listen', `cannot listen on ${where}: ${(err as Error).message}`, { cause: err });
}

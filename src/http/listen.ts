import type { FastifyInstance } from "fastify";

/** The server could not listen where it was told to; the message says which setting to change. */
export class ListenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ListenError";
  }
}

/** What a listen failure means for the person who set PORT and HOST, by its error code. */
function explain(code: string | undefined, port: number, host: string): string | undefined {
  switch (code) {
    case "EADDRINUSE":
      return `PORT ${port} is in use; set PORT to another port`;
    case "EACCES":
      return `PORT ${port} needs privileges this process does not have; set PORT to 1024 or above`;
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `HOST ${host} is not an address of this machine; set HOST to one (0.0.0.0 listens on all)`;
    default:
      return undefined;
  }
}

/**
 * Listens on `port` and `host`. A port in use, a privileged port or an address the machine does
 * not have becomes a {@link ListenError} with one line to print (as configuration errors are),
 * not a stack trace.
 */
export async function listen(app: FastifyInstance, port: number, host: string): Promise<string> {
  try {
    return await app.listen({ port, host });
  } catch (error) {
    const message = explain((error as NodeJS.ErrnoException).code, port, host);
    if (message === undefined) throw error;
    throw new ListenError(message);
  }
}

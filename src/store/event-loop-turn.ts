/**
 * Turns of the event loop enough for a request to get in. The embedded database (PGlite) runs in this thread and
 * settles its promises as microtasks, so a long run of statements (a read model's build, an import) would otherwise
 * go from start to end without the server accepting a connection or answering a request that memory could answer,
 * /healthz included. Long runs of statements take these turns between steps; on PostgreSQL they cost next to nothing.
 *
 * Three, not one: a request on a new connection needs one turn to be accepted and another to be read, and with one
 * turn between steps it waited through two or three of them (a server's first /healthz came 250–290 ms after it
 * listened while the read model built, 40–60 ms with three). A turn with nothing waiting takes microseconds.
 */
export const eventLoopTurn = async (): Promise<void> => {
  for (let i = 0; i < TURNS; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

const TURNS = 3;

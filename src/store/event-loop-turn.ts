/**
 * One turn of the event loop. The embedded database (PGlite) runs in this thread and settles its promises as
 * microtasks, so a long run of statements (a read model's build, an import) would otherwise go from start to end
 * without the server accepting a connection or answering a request that memory could answer, /healthz included.
 * Long runs of statements take a turn between steps; on PostgreSQL a turn costs next to nothing.
 */
export const eventLoopTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

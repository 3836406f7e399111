import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";
import type pg from "pg";

/**
 * Kysely's PostgreSQL driver sends every query unnamed, so the server parses and plans it at every execution. A
 * statement text seen a second time gets a name instead (node-postgres then sends Parse once per connection and
 * only Bind/Execute afterwards: PostgreSQL protocol §55.2.3, extended query). The platform issues a few hundred
 * distinct texts; the number of names is bounded, and texts past the bound run unnamed as before. The server keeps
 * choosing custom or generic plans per statement as it always does for prepared statements (plan_cache_mode auto).
 *
 * A named statement whose tables changed shape since it was prepared fails once with SQLSTATE 0A000 ("cached plan
 * must not change result type"): that text is then never named again on any connection. Schema changes happen in
 * migrations, before the store serves.
 */
let wrappers = 0;

export function withPreparedStatements(pool: pg.Pool, options: { maxNames?: number } = {}): PostgresPool {
  const maxNames = options.maxNames ?? 1_000;
  const names = new Map<string, string>();
  const seenOnce = new Set<string>();
  const unnamed = new Set<string>();
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  // Names are never reused, not even by another wrapper of the same pool: a connection that prepared a name for
  // one text must never be sent it for another.
  const prefix = `suyuan_${wrappers++}_`;
  let next = 0;

  function nameOf(text: string): string | undefined {
    const name = names.get(text);
    if (name !== undefined || unnamed.has(text)) return name;
    if (!seenOnce.has(text)) {
      if (seenOnce.size >= 4 * maxNames) seenOnce.clear();
      seenOnce.add(text);
      return undefined;
    }
    if (names.size >= maxNames) return undefined;
    const given = `${prefix}${next++}`;
    names.set(text, given);
    return given;
  }

  function wrap(client: pg.PoolClient): PostgresPoolClient {
    let w = wrapped.get(client);
    if (w) return w;
    w = {
      query(textOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) {
        if (typeof textOrCursor !== "string") return client.query(textOrCursor as never) as never;
        const name = nameOf(textOrCursor);
        const values = parameters as unknown[];
        if (name === undefined) return client.query(textOrCursor, values) as Promise<PostgresQueryResult<unknown>>;
        return (client.query({ name, text: textOrCursor, values }) as Promise<PostgresQueryResult<unknown>>).catch(
          (e: unknown) => {
            if ((e as { code?: string }).code === "0A000") {
              names.delete(textOrCursor);
              unnamed.add(textOrCursor);
            }
            throw e;
          },
        );
      },
      release: () => client.release(),
    } as PostgresPoolClient;
    wrapped.set(client, w);
    return w;
  }

  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}

import type { Db } from "./schema.ts";

/** A named query (EPCIS 2.0 REST binding `/queries`): a SimpleEventQuery saved under a name. */
export interface NamedQuery {
  readonly name: string;
  readonly query: Readonly<Record<string, unknown>>;
  readonly createdBy: string;
  readonly createdAt: number;
}

/** A subscription to a named query (EPCIS 2.0 §8.2.5): a webhook, delivered through the outbox. */
export interface Subscription {
  readonly id: string;
  readonly queryName: string;
  readonly webhookId: string | null;
  readonly dest: string | null;
  readonly stream: boolean;
  readonly schedule: Readonly<Record<string, unknown>> | null;
  readonly reportIfEmpty: boolean;
  readonly initialRecordTime: number | null;
  /** The subscriber as an actor: deliveries show only what it may read. */
  readonly actor: Readonly<Record<string, unknown>>;
  readonly createdBy: string;
  readonly createdAt: number;
}

/** False when the name is taken. */
export async function insertNamedQuery(db: Db, q: NamedQuery): Promise<boolean> {
  const row = await db
    .insertInto("epcisQueries")
    .values({ name: q.name, queryJson: JSON.stringify(q.query), createdBy: q.createdBy, createdAt: q.createdAt })
    .onConflict((oc) => oc.column("name").doNothing())
    .returning("name")
    .executeTakeFirst();
  return row !== undefined;
}

export async function findNamedQuery(db: Db, name: string): Promise<NamedQuery | undefined> {
  const r = await db.selectFrom("epcisQueries").selectAll().where("name", "=", name).executeTakeFirst();
  return r && { name: r.name, query: JSON.parse(r.queryJson), createdBy: r.createdBy, createdAt: Number(r.createdAt) };
}

export async function listNamedQueries(db: Db): Promise<NamedQuery[]> {
  const rows = await db.selectFrom("epcisQueries").selectAll().orderBy("name").limit(1000).execute();
  return rows.map((r) => ({
    name: r.name,
    query: JSON.parse(r.queryJson),
    createdBy: r.createdBy,
    createdAt: Number(r.createdAt),
  }));
}

/** Deletes a named query and its subscriptions. */
export async function deleteNamedQuery(db: Db, name: string): Promise<void> {
  await db.deleteFrom("epcisSubscriptions").where("queryName", "=", name).execute();
  await db.deleteFrom("epcisQueries").where("name", "=", name).execute();
}

export async function insertSubscription(db: Db, s: Subscription): Promise<void> {
  await db
    .insertInto("epcisSubscriptions")
    .values({
      id: s.id,
      queryName: s.queryName,
      webhookId: s.webhookId,
      dest: s.dest,
      stream: s.stream ? 1 : 0,
      scheduleJson: s.schedule ? JSON.stringify(s.schedule) : null,
      reportIfEmpty: s.reportIfEmpty ? 1 : 0,
      initialRecordTime: s.initialRecordTime,
      actorJson: JSON.stringify(s.actor),
      createdBy: s.createdBy,
      createdAt: s.createdAt,
    })
    .execute();
}

export async function listSubscriptions(db: Db, f: { queryName?: string; stream?: boolean }): Promise<Subscription[]> {
  let q = db
    .selectFrom("epcisSubscriptions as s")
    .innerJoin("epcisQueries as q", "q.name", "s.queryName")
    .selectAll("s");
  if (f.queryName !== undefined) q = q.where("s.queryName", "=", f.queryName);
  if (f.stream !== undefined) q = q.where("s.stream", "=", f.stream ? 1 : 0);
  const rows = await q.orderBy("s.createdAt").execute();
  return rows.map((r) => ({
    id: r.id,
    queryName: r.queryName,
    webhookId: r.webhookId,
    dest: r.dest,
    stream: Number(r.stream) === 1,
    schedule: r.scheduleJson ? JSON.parse(r.scheduleJson) : null,
    reportIfEmpty: Number(r.reportIfEmpty) === 1,
    initialRecordTime: r.initialRecordTime === null ? null : Number(r.initialRecordTime),
    actor: JSON.parse(r.actorJson),
    createdBy: r.createdBy,
    createdAt: Number(r.createdAt),
  }));
}

export async function deleteSubscription(db: Db, id: string): Promise<void> {
  await db.deleteFrom("epcisSubscriptions").where("id", "=", id).execute();
}

import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, engines, openTestStore } from "../../../test/engines.ts";
import { asActor, partyInput, testPlatform } from "../../../test/factories.ts";
import type { Actor } from "../../core/auth/actor.ts";
import {
  fromBase64,
  type JsonValue,
  leafHash,
  type Policy,
  parsePolicy,
  verifyConsistency,
  verifyInclusion,
  verifyReceipt,
} from "../../core/ledger/index.ts";
import { verifyCheckpointWithPolicy } from "../../core/ledger/policy-verify.ts";
import { openStore, type Store } from "../../store/store.ts";
import { revokeLot } from "../corrections/revoke-lot.ts";
import { codeLots } from "../lots/code-lots.ts";
import { registerParty } from "../parties/register-party.ts";
import type { Platform } from "../platform.ts";
import { registerProduct } from "../products/register-product.ts";
import { shipGoods } from "../shipments/ship-goods.ts";
import { auditLedger } from "./audit-ledger.ts";
import { integrateAll } from "./integrate-ledger.ts";
import { proveConsistency, proveInclusion, receiptFor } from "./ledger-proofs.ts";
import { readCommittedRecord, readLogTile } from "./serve-log.ts";

describe.each(engines)("ledger on %s", (engine) => {
  let store: Store;
  afterEach(async () => store?.close());

  async function province() {
    store = await openTestStore(engine);
    const platform = testPlatform(store);
    const op = asActor(platform);
    const farm = await registerParty(op, partyInput({ kind: "farm" }));
    const buyer = await registerParty(op, partyInput({ kind: "market_vendor" }));
    const farmer: Actor = { kind: "enterprise", keyId: "k", label: "k", partyId: farm.id };
    const as = asActor(platform, farmer);
    const product = await registerProduct(as, { name: "鸡蛋", unit: "kg", categoryCode: "eggs" });
    const coded = await codeLots(as, {
      lots: Array.from({ length: 3 }, () => ({ productId: product.id, productionDate: "2026-11-20", quantity: 50 })),
    });
    return { platform, op, as, farm, buyer, product, lots: coded.map((c) => c.lot) };
  }

  const policyOf = (p: Platform): Policy => {
    const parsed = parsePolicy(`log ${p.ledger.signer.verifierKey}\nquorum none\n`);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    return parsed.value;
  };

  const count = async (table: "ledgerEntries" | "ledgerCheckpoints") =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("commits every stored record in the transaction that stores it, and nothing of a failed one", async () => {
    const { as, buyer, lots } = await province();
    const kinds = await store.db
      .selectFrom("ledgerEntries")
      .select(["kind", (eb) => eb.fn.countAll().as("n")])
      .groupBy("kind")
      .execute();
    // 2 parties, 1 product, 3 lots and their 3 commissioning events.
    expect(Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]))).toEqual({
      party: 2,
      product: 1,
      lot: 3,
      "epcis-event": 3,
    });
    const before = await count("ledgerEntries");
    await expect(
      shipGoods(as, {
        receiver: { partyId: buyer.id },
        lines: [{ traceCode: `https://trace.test/t/${lots[0]?.platformCode}`, quantity: 51 }],
      }),
    ).rejects.toMatchObject({ code: "insufficient-stock" });
    expect(await count("ledgerEntries")).toBe(before);
  });

  it("integrates entries into a signed tree whose proofs verify, and keeps every checkpoint", async () => {
    const { platform, op, as, buyer, lots } = await province();
    const first = await integrateAll(platform);
    expect(first).toBe(await count("ledgerEntries"));
    await shipGoods(as, {
      receiver: { partyId: buyer.id },
      lines: [{ traceCode: `https://trace.test/t/${lots[1]?.platformCode}`, quantity: 5 }],
    });
    const second = await integrateAll(platform);
    expect(second).toBeGreaterThan(first);
    expect(await count("ledgerCheckpoints")).toBe(2);

    const latest = await proveInclusion(op, 0);
    const opened = verifyCheckpointWithPolicy(latest.checkpoint, policyOf(platform));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const root = opened.value.checkpoint.rootHash;
    const entries = await store.db.selectFrom("ledgerEntries").select(["commitment", "logIndex"]).execute();
    for (const e of entries) {
      const { proof } = await proveInclusion(op, Number(e.logIndex));
      expect(verifyInclusion(Number(e.logIndex), second, leafHash(new Uint8Array(e.commitment)), proof, root).ok).toBe(
        true,
      );
    }
    const old = await proveInclusion(op, 0, first);
    const oldOpened = verifyCheckpointWithPolicy(old.checkpoint, policyOf(platform));
    if (!oldOpened.ok) throw new Error("old checkpoint");
    const consistency = await proveConsistency(op, first, second);
    expect(verifyConsistency(first, second, oldOpened.value.checkpoint.rootHash, root, consistency).ok).toBe(true);
  });

  it("gives a receipt that verifies offline with the record, and fails for a changed record or a forged key", async () => {
    const { platform, op, lots } = await province();
    await integrateAll(platform);
    const lot = lots[0]?.id as string;
    const { receipt } = await receiptFor(op, "lot", lot);
    const record = (await readCommittedRecord(op, "lot", lot)) as JsonValue;
    const ok = verifyReceipt(receipt, policyOf(platform), record);
    expect(ok.ok && ok.value.recordChecked).toBe(true);

    const changed = { ...(record as Record<string, JsonValue>), quantityMilli: 999_000 };
    expect(verifyReceipt(receipt, policyOf(platform), changed)).toMatchObject({ ok: false });
    const other = testPlatform(store);
    expect(verifyReceipt(receipt, policyOf(other), record)).toMatchObject({ ok: false });
    const lines = receipt.split("\n");
    const proofLine = lines.findIndex((l, i) => i > 2 && /^[A-Za-z0-9+/]{43}=$/.test(l));
    expect(proofLine).toBeGreaterThan(2);
    const bytes = fromBase64(lines[proofLine] as string) as Uint8Array;
    bytes[0] = (bytes[0] as number) ^ 1;
    lines[proofLine] = Buffer.from(bytes).toString("base64");
    expect(verifyReceipt(lines.join("\n"), policyOf(platform), record)).toMatchObject({ ok: false });
  });

  it("a revocation's entry supersedes the lot's first entry, and the audit stays intact", async () => {
    const { platform, as, lots } = await province();
    const lot = lots[2]?.id as string;
    await revokeLot(as, lot, "wrong date");
    const entries = await store.db
      .selectFrom("ledgerEntries")
      .select(["id", "supersedes"])
      .where("kind", "=", "lot")
      .where("ref", "=", lot)
      .orderBy("createdAt")
      .orderBy("id")
      .execute();
    expect(entries).toHaveLength(2);
    expect(entries[1]?.supersedes).toBe(entries[0]?.id);
    await integrateAll(platform);
    expect((await auditLedger(platform)).intact).toBe(true);
  });

  it("names every record changed, inserted or deleted behind the platform's back", async () => {
    const { platform, op, lots } = await province();
    const spare = await registerParty(op, partyInput());
    await integrateAll(platform);
    expect(await auditLedger(platform)).toMatchObject({ intact: true, problems: [] });

    const lot = lots[0]?.id as string;
    await store.db.updateTable("lots").set({ quantityMilli: 1 }).where("id", "=", lot).execute();
    await store.db.deleteFrom("parties").where("id", "=", spare.id).execute();
    const forged = { ...(await store.db.selectFrom("parties").selectAll().executeTakeFirstOrThrow()) };
    await store.db
      .insertInto("parties")
      .values({ ...forged, id: "0190aaaa-0000-7000-8000-000000000000", creditCode: null, partyCode: null, gln: null })
      .execute();
    // Leaf 1 is the second hash of tile 0/0 (C2SP tlog-tiles), whatever the row holds after it.
    const tile = await store.db
      .selectFrom("ledgerTiles")
      .select("nodes")
      .where("level", "=", 0)
      .where("idx", "=", 0)
      .executeTakeFirstOrThrow();
    const nodes = Buffer.from(tile.nodes);
    nodes.fill(7, 32, 64);
    await store.db.updateTable("ledgerTiles").set({ nodes }).where("level", "=", 0).where("idx", "=", 0).execute();

    const report = await auditLedger(platform);
    expect(report.intact).toBe(false);
    const named = report.problems.map((p) => `${p.problem} ${p.kind} ${p.ref}`);
    expect(named).toContain(`changed lot ${lot}`);
    expect(named).toContain(`deleted party ${spare.id}`);
    expect(named).toContain("inserted party 0190aaaa-0000-7000-8000-000000000000");
    expect(named.some((n) => n.startsWith("tree ledger node 0/1"))).toBe(true);
  });

  it("a store opened with ledger: false (benchmarks only) stores records without entries; others are unaffected", async () => {
    const database = await createTestDatabase(engine);
    const bare = await openStore(database.url, { ledger: false });
    try {
      await bare.migrate();
      await registerParty(asActor(testPlatform(bare)), partyInput());
      const n = await bare.db
        .selectFrom("ledgerEntries")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
      store = await openTestStore(engine);
      await registerParty(asActor(testPlatform(store)), partyInput());
      expect(await count("ledgerEntries")).toBe(1);
    } finally {
      await bare.close();
      await database.drop();
    }
  });

  it("serves tiles and entry bundles that match the entries", async () => {
    const { platform, op } = await province();
    const size = await integrateAll(platform);
    const tile = await readLogTile(op, `tile/0/000.p/${size}`);
    const bundle = await readLogTile(op, `tile/entries/000.p/${size}`);
    const entries = await store.db.selectFrom("ledgerEntries").select("commitment").orderBy("logIndex").execute();
    const leaves = Buffer.concat(entries.map((e) => leafHash(new Uint8Array(e.commitment))));
    expect(Buffer.from(tile).equals(leaves)).toBe(true);
    expect(bundle.length).toBe(size * (2 + 32));
    await expect(readLogTile(op, `tile/0/000.p/${size + 1}`)).rejects.toMatchObject({ code: "not-found" });
    await expect(readLogTile(op, "tile/0/000")).rejects.toMatchObject({ code: "not-found" });
  });
});

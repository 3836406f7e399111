/**
 * The platform and its witnesses (C2SP tlog-witness v1.0.0, tlog-cosignature v1.0.1, tlog-policy): three witness
 * processes (in-process Fastify apps on real sockets, each on its own database), a policy needing 2 of 3.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { engines, openTestStore } from "../../../test/engines.ts";
import { asActor, manualClock, partyInput, testPlatform } from "../../../test/factories.ts";
import { uuidV7Generator } from "../../core/ids/uuid-v7.ts";
import {
  type Cosigner,
  cosignerFromSeed,
  type NoteVerifier,
  parseEd25519VerifierKey,
  parsePolicy,
  verifyReceipt,
} from "../../core/ledger/index.ts";
import { buildApp } from "../../http/app.ts";
import { buildWitnessApp } from "../../http/witness/witness-app.ts";
import type { Store } from "../../store/store.ts";
import { registerParty } from "../parties/register-party.ts";
import type { Platform } from "../platform.ts";
import { systemClock } from "../platform.ts";
import { integrateAll } from "./integrate-ledger.ts";
import { receiptFor } from "./ledger-proofs.ts";
import { ledgerWitnessing } from "./ledger-witnessing.ts";
import { sendToWitnesses } from "./send-to-witnesses.ts";

const NAMES = ["agri", "customs", "health"] as const;
type Name = (typeof NAMES)[number];

describe.each(engines)("witnessed ledger on %s", (engine) => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function store(): Promise<Store> {
    const s = await openTestStore(engine);
    closers.push(() => s.close());
    return s;
  }

  /** A witness process: its own database, its own key; `down` makes it answer 503 like an unreachable server. */
  async function witness(name: Name) {
    const cosigner: Cosigner = (() => {
      const c = cosignerFromSeed(`witness.${name}.example`, randomBytes(32));
      if (!c.ok) throw new Error(c.error.detail);
      return c.value;
    })();
    const s = await store();
    let down = false;
    const logs = new Map<string, NoteVerifier[]>(); // filled in once the platform's key is known
    const app: FastifyInstance = await buildWitnessApp({
      store: s,
      clock: systemClock,
      logger: { info() {}, warn() {}, error() {} },
      newId: uuidV7Generator(),
      cosigner,
      logs,
    });
    app.addHook("onRequest", async (_request, reply) => {
      if (down) await reply.code(503).send("down for maintenance\n");
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    closers.push(() => app.close());
    const address = app.server.address() as { port: number };
    return {
      name,
      cosigner,
      store: s,
      app,
      logs,
      url: `http://127.0.0.1:${address.port}`,
      setDown: (d: boolean) => {
        down = d;
      },
    };
  }

  async function province(quorum: string) {
    const clock = manualClock();
    const ws = await Promise.all(NAMES.map(witness));
    const policyText = [
      ...ws.map((w) => `witness ${w.name} ${w.cosigner.verifierKey}`),
      "group departments 2 agri customs health",
      "group everyone all agri customs health",
      `quorum ${quorum}`,
      "",
    ].join("\n");
    const base = testPlatform(await store(), clock);
    const platform = withWitnesses(base, policyText, ws);
    for (const w of ws) trust(w.logs, platform);
    const op = asActor(platform);
    return { clock, ws, platform, op, policyText };
  }

  function withWitnesses(base: Platform, policyText: string, ws: readonly { name: string; url: string }[]): Platform {
    const keys = [base.ledger.signer.verifierKey];
    const list = ws.map((w) => `${w.name}=${w.url}`).join(",");
    return { ...base, ledger: { ...base.ledger, witnessing: ledgerWitnessing(keys, policyText, list) } };
  }

  /** The witness trusts the platform's log key (what its --log flag does). */
  function trust(logs: Map<string, NoteVerifier[]>, platform: Platform) {
    const key = parseEd25519VerifierKey(platform.ledger.signer.verifierKey);
    if (!key.ok) throw new Error(key.error.detail);
    logs.set(platform.ledger.origin, [key.value]);
  }

  it("accepts a receipt cosigned by 2 of 3 under the served policy, and rejects one cosigned by 1", async () => {
    const { ws, platform, op } = await province("departments");
    ws[2]?.setDown(true);
    const party = await registerParty(op, partyInput());
    await integrateAll(platform);
    expect((await sendToWitnesses(platform)).sort()).toEqual(["agri", "customs"]);

    const app = await buildApp({ platform });
    closers.push(() => app.close());
    const policy = parsePolicy((await app.inject({ method: "GET", url: "/log/policy" })).body);
    if (!policy.ok) throw new Error(policy.error.detail);
    const { receipt, cosignatures } = await receiptFor(op, "party", party.id);
    expect(cosignatures.map((c) => c.witness)).toEqual(["agri", "customs"]);
    const verified = verifyReceipt(receipt, policy.value);
    expect(verified.ok && verified.value.checkpoint.witnesses).toEqual(["agri", "customs"]);

    const customs = ws[1]?.cosigner.name as string;
    const onlyAgri = receipt
      .split("\n")
      .filter((l) => !l.startsWith(`— ${customs} `))
      .join("\n");
    expect(verifyReceipt(onlyAgri, policy.value)).toMatchObject({ ok: false, error: { code: "quorum-not-met" } });

    const served = await app.inject({ method: "GET", url: "/log/checkpoint" });
    expect(served.body.split("\n").filter((l) => l.startsWith("— "))).toHaveLength(3);
  });

  it("retries a witness that is down, with backoff, and hands out no receipt the policy would reject", async () => {
    const { clock, ws, platform, op } = await province("everyone");
    const health = ws[2] as Awaited<ReturnType<typeof witness>>;
    health.setDown(true);
    const party = await registerParty(op, partyInput());
    await integrateAll(platform);
    await sendToWitnesses(platform);
    await expect(receiptFor(op, "party", party.id)).rejects.toMatchObject({ code: "not-yet-witnessed" });
    const state = await platform.store.db
      .selectFrom("ledgerWitnesses")
      .selectAll()
      .where("name", "=", "health")
      .executeTakeFirstOrThrow();
    expect([state.attempts, state.lastError]).toEqual([1, expect.stringContaining("HTTP 503")]);

    health.setDown(false);
    expect(await sendToWitnesses(platform)).toEqual([]); // still backing off
    clock.advance(1_000);
    expect(await sendToWitnesses(platform)).toEqual(["health"]);
    const { cosignatures } = await receiptFor(op, "party", party.id);
    expect(cosignatures.map((c) => c.witness)).toEqual(["agri", "customs", "health"]);
  });

  it("sends each new checkpoint with a consistency proof from the size each witness last cosigned", async () => {
    const { ws, platform, op } = await province("departments");
    await registerParty(op, partyInput());
    const first = await integrateAll(platform);
    await sendToWitnesses(platform);
    for (let i = 0; i < 3; i++) await registerParty(op, partyInput());
    const second = await integrateAll(platform);
    // The platform forgets what it knew (a restored backup): the 409 answers teach it again.
    await platform.store.db.deleteFrom("ledgerWitnesses").execute();
    expect((await sendToWitnesses(platform)).sort()).toEqual([...NAMES]);
    for (const w of ws) {
      const row = await w.store.db.selectFrom("witnessLogs").selectAll().executeTakeFirstOrThrow();
      expect(Number(row.size)).toBe(second);
    }
    expect(second).toBeGreaterThan(first);
  });

  it("a witness refuses a rewritten history (422), keeps both checkpoints, and the platform reports it", async () => {
    const { ws, platform, op, policyText } = await province("departments");
    await registerParty(op, partyInput());
    await integrateAll(platform);
    await sendToWitnesses(platform);
    // The same log key over a different history, longer than the one the witnesses cosigned.
    const forged = withWitnesses({ ...testPlatform(await store()), ledger: platform.ledger }, policyText, ws);
    for (let i = 0; i < 4; i++) await registerParty(asActor(forged), partyInput());
    await integrateAll(forged);
    expect(await sendToWitnesses(forged)).toEqual([]);
    const state = await forged.store.db.selectFrom("ledgerWitnesses").selectAll().execute();
    expect(state.map((s) => s.lastError)).toEqual(NAMES.map(() => expect.stringContaining("HTTP 422")));
    for (const w of ws) {
      const forks = (await w.app.inject({ method: "GET", url: "/forks" })).json().forks as Record<string, unknown>[];
      expect(forks).toHaveLength(1);
      const kept = await w.store.db.selectFrom("witnessLogs").selectAll().executeTakeFirstOrThrow();
      expect(forks[0]?.cosignedNote).toBe(kept.note);
      expect(forks[0]?.presentedNote).not.toBe(kept.note);
    }
  });
});

/** `suyuan witness` over HTTP: C2SP tlog-witness v1.0.0 add-checkpoint answers, state and fork evidence. */
import { afterEach, describe, expect, it } from "vitest";
import { engines, openTestStore } from "../../../test/engines.ts";
import { manualClock } from "../../../test/factories.ts";
import {
  consistencyProof,
  cosignatureTimestamp,
  cosignerFromSeed,
  formatAddCheckpointRequest,
  formatCheckpoint,
  type Hash,
  leafHash,
  MemoryNodeStore,
  openNote,
  parseCosignatureVerifierKey,
  parseEd25519VerifierKey,
  sha256,
  signNote,
} from "../../core/ledger/index.ts";
import { ephemeralLedgerIdentity } from "../../services/ledger/ledger-key.ts";
import type { WitnessPlatform } from "../../services/witness/witness-platform.ts";
import type { Store } from "../../store/store.ts";
import { buildWitnessApp } from "./witness-app.ts";

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};

const ORIGIN = "trace.fj.example/log";
const log = ephemeralLedgerIdentity(ORIGIN);
const leaves = (tag: string, n: number): Hash[] =>
  Array.from({ length: n }, (_, i) => leafHash(sha256(new TextEncoder().encode(`${tag} ${i}`))));

/** A log over `tagged` leaves: its signed checkpoint at any size and consistency proofs between sizes. */
function tree(tag: string, signer = log.signer) {
  const all = leaves(tag, 40);
  const nodes = MemoryNodeStore.fromLeafHashes(all);
  return {
    note(size: number): string {
      const root = new MemoryNodeStore().appendLeafHashes(all.slice(0, size));
      const text = must(formatCheckpoint({ origin: ORIGIN, size, rootHash: root, extensions: [] }));
      return must(signNote(text, [signer]));
    },
    proof: (from: number, to: number) => (from === 0 || from === to ? [] : must(consistencyProof(nodes, from, to))),
  };
}

describe.each(engines)("witness on %s", (engine) => {
  let store: Store;
  afterEach(async () => store?.close());

  const cosigner = must(cosignerFromSeed("witness.agri.example", new Uint8Array(32).fill(3)));
  const clock = manualClock();

  async function witness() {
    store = await openTestStore(engine);
    const w: WitnessPlatform = {
      store,
      clock,
      logger: { info() {}, warn() {}, error() {} },
      newId: (() => {
        let n = 0;
        return () => `0190aaaa-0000-7000-8000-${String(++n).padStart(12, "0")}`;
      })(),
      cosigner,
      logs: new Map([[ORIGIN, [must(parseEd25519VerifierKey(log.signer.verifierKey))]]]),
    };
    const app = await buildWitnessApp(w);
    const post = (oldSize: number, checkpoint: string, proof: Hash[] = []) =>
      app.inject({
        method: "POST",
        url: "/add-checkpoint",
        payload: must(formatAddCheckpointRequest({ oldSize, proof, checkpoint })),
        headers: { "content-type": "text/plain" },
      });
    return { app, post };
  }

  it("cosigns a consistent checkpoint with a timestamped cosignature, and keeps only the latest", async () => {
    const { post } = await witness();
    const t = tree("a");
    const first = await post(0, t.note(5));
    expect(first.statusCode).toBe(200);
    const verifier = must(parseCosignatureVerifierKey(cosigner.verifierKey));
    const opened = must(openNote(t.note(5) + first.body, [verifier]));
    expect(opened.verified).toHaveLength(1);
    expect(cosignatureTimestamp(opened.verified[0]?.signature as Uint8Array)).toBe(Math.floor(clock.now() / 1000));

    const second = await post(5, t.note(17), t.proof(5, 17));
    expect(second.statusCode).toBe(200);
    const row = await store.db.selectFrom("witnessLogs").selectAll().executeTakeFirstOrThrow();
    expect([row.origin, Number(row.size)]).toEqual([ORIGIN, 17]);
    // Same size, same root: cosigned again (the log lost our previous answer).
    expect((await post(17, t.note(17))).statusCode).toBe(200);
  });

  it("answers 409 with the latest cosigned size (text/x.tlog.size) when the old size is not it", async () => {
    const { post } = await witness();
    const t = tree("a");
    await post(0, t.note(8));
    const stale = await post(3, t.note(12), t.proof(3, 12));
    expect(stale.statusCode).toBe(409);
    expect(stale.headers["content-type"]).toBe("text/x.tlog.size");
    expect(stale.body).toBe("8\n");
    expect((await post(0, t.note(12))).body).toBe("8\n");
  });

  it("refuses a checkpoint inconsistent with the one it cosigned (422) and keeps both as evidence", async () => {
    const { app, post } = await witness();
    const honest = tree("a");
    const forked = tree("b"); // same log key, another history
    expect((await post(0, honest.note(10))).statusCode).toBe(200);
    const fork = await post(10, forked.note(20), forked.proof(10, 20));
    expect(fork.statusCode).toBe(422);
    // Same size, another root: 409 as the spec says, and evidence too.
    const twin = await post(10, forked.note(10));
    expect([twin.statusCode, twin.body]).toEqual([409, "10\n"]);

    const row = await store.db.selectFrom("witnessLogs").selectAll().executeTakeFirstOrThrow();
    expect(row.note).toBe(honest.note(10));
    const evidence = (await app.inject({ method: "GET", url: "/forks" })).json().forks as Record<string, unknown>[];
    expect(evidence).toHaveLength(2);
    expect(evidence.map((e) => e.presentedNote)).toEqual([forked.note(10), forked.note(20)]);
    expect(evidence.every((e) => e.cosignedNote === honest.note(10) && e.cosignedSize === 10)).toBe(true);
    // The honest log still gets its cosignature.
    expect((await post(10, honest.note(11), honest.proof(10, 11))).statusCode).toBe(200);
    const audit = await store.db.selectFrom("auditLog").select("action").orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual([
      "witness.cosign",
      "witness.fork-detected",
      "witness.fork-detected",
      "witness.cosign",
    ]);
  });

  it("answers 404 for an unknown origin, 403 without a trusted signature, 400 for a bad request", async () => {
    const { app, post } = await witness();
    const stranger = ephemeralLedgerIdentity("other.example/log");
    const strangerNote = must(
      signNote(
        must(
          formatCheckpoint({
            origin: "other.example/log",
            size: 0,
            rootHash: sha256(new Uint8Array()),
            extensions: [],
          }),
        ),
        [stranger.signer],
      ),
    );
    expect((await post(0, strangerNote)).statusCode).toBe(404);
    const impostor = ephemeralLedgerIdentity(ORIGIN);
    expect((await post(0, tree("a", impostor.signer).note(3))).statusCode).toBe(403);
    expect((await post(9, tree("a").note(3))).statusCode).toBe(400);
    const garbage = await app.inject({ method: "POST", url: "/add-checkpoint", payload: "hello" });
    expect(garbage.statusCode).toBe(400);
    expect(await store.db.selectFrom("witnessLogs").selectAll().execute()).toEqual([]);
  });

  it("lets only one of two racing requests from the same old size win (no rollback)", async () => {
    const { post } = await witness();
    const t = tree("a");
    await post(0, t.note(4));
    const answers = await Promise.all([post(4, t.note(9), t.proof(4, 9)), post(4, t.note(6), t.proof(4, 6))]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const won = answers.find((a) => a.statusCode === 200) === answers[0] ? 9 : 6;
    const row = await store.db.selectFrom("witnessLogs").selectAll().executeTakeFirstOrThrow();
    expect(Number(row.size)).toBe(won);
  });

  it("serves its verifier key", async () => {
    const { app } = await witness();
    expect((await app.inject({ method: "GET", url: "/key" })).body).toBe(`${cosigner.verifierKey}\n`);
  });
});

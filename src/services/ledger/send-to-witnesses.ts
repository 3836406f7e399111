import {
  consistencyProofAsync,
  cosignatureTimestamp,
  formatAddCheckpointRequest,
  formatSignatureLine,
  type Hash,
  openNote,
  parseConflictBody,
  TLOG_SIZE_CONTENT_TYPE,
} from "../../core/ledger/index.ts";
import { latestCheckpoint, type StoredCheckpoint } from "../../store/ledger-store.ts";
import { readNodes } from "../../store/ledger-tile-store.ts";
import {
  insertCosignature,
  saveWitnessState,
  type WitnessState,
  witnessStates,
} from "../../store/ledger-witness-store.ts";
import { type BackgroundLoop, startBackgroundLoop } from "../background-loop.ts";
import type { Platform } from "../platform.ts";
import { type LedgerWitness, witnessingOf } from "./ledger-witnessing.ts";

const TIMEOUT_MS = 10_000;
/** Retry delays: 0.5 s doubling to 1 min — a witness that is down is retried for as long as it stays down. */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 60_000;

/**
 * One pass of the platform's witness client (C2SP tlog-witness v1.0.0 §add-checkpoint): sends the newest checkpoint
 * to every configured witness that has not cosigned it, with a consistency proof from the size that witness last
 * cosigned (learned from its 200 and 409 answers; 0 when unknown, which the spec allows for learning it). A valid
 * cosignature (checked with the witness's policy key; "the client MUST ignore any cosignatures from unknown keys")
 * is stored beside the checkpoint. A failure schedules a retry with backoff. Returns the names that cosigned.
 */
export async function sendToWitnesses(platform: Platform, fetchImpl: typeof fetch = fetch): Promise<string[]> {
  const { witnesses } = witnessingOf(platform.ledger);
  if (witnesses.length === 0) return [];
  const latest = await latestCheckpoint(platform.store.db);
  if (!latest) return [];
  const states = await witnessStates(platform.store.db);
  const now = platform.clock.now();
  const due = witnesses.filter((w) => {
    const s = states.get(w.name);
    return s === undefined || (s.cosignedSize !== latest.size && s.nextAttemptAt <= now);
  });
  const done = await Promise.all(due.map((w) => sendOne(platform, w, latest, states.get(w.name), fetchImpl)));
  return due.filter((_, i) => done[i]).map((w) => w.name);
}

async function sendOne(
  platform: Platform,
  w: LedgerWitness,
  latest: StoredCheckpoint,
  known: WitnessState | undefined,
  fetchImpl: typeof fetch,
): Promise<boolean> {
  const db = platform.store.db;
  let state: WitnessState = known ?? {
    name: w.name,
    witnessSize: null,
    cosignedSize: null,
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    updatedAt: platform.clock.now(),
  };
  const failed = async (error: string) => {
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(state.attempts, 16));
    const now = platform.clock.now();
    platform.logger.warn({ witness: w.name, size: latest.size, error }, "ledger: witness did not cosign; will retry");
    await saveWitnessState(db, {
      ...state,
      attempts: state.attempts + 1,
      nextAttemptAt: now + delay,
      lastError: error,
      updatedAt: now,
    });
    return false;
  };
  // At most two rounds: a 409 tells us the witness's size, and the second request starts from it.
  for (let round = 0; round < 2; round++) {
    const oldSize = state.witnessSize ?? 0;
    if (oldSize > latest.size) {
      return failed(`the witness has cosigned size ${oldSize}, larger than this log (${latest.size}): rolled back?`);
    }
    let proof: Hash[] = [];
    if (oldSize > 0 && oldSize < latest.size) {
      const p = await consistencyProofAsync({ readNodes: (ids) => readNodes(db, ids) }, oldSize, latest.size);
      if (!p.ok) return failed(`no consistency proof from ${oldSize}: ${p.error.detail}`);
      proof = p.value;
    }
    const body = formatAddCheckpointRequest({ oldSize, proof, checkpoint: latest.note });
    if (!body.ok) return failed(body.error.detail);
    let res: Response;
    let text: string;
    try {
      res = await fetchImpl(`${w.url}/add-checkpoint`, {
        method: "POST",
        headers: { "content-type": "text/plain; charset=utf-8" },
        body: body.value,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "manual",
      });
      text = await res.text();
    } catch (e) {
      return failed((e as Error).message);
    }
    if (res.status === 409 && res.headers.get("content-type")?.startsWith(TLOG_SIZE_CONTENT_TYPE)) {
      const size = parseConflictBody(text);
      if (!size.ok) return failed(`409 with a bad body: ${size.error.detail}`);
      if (size.value === oldSize) return failed(`409 at size ${oldSize}: the witness holds another root at that size`);
      state = { ...state, witnessSize: size.value };
      continue;
    }
    if (res.status !== 200) return failed(`HTTP ${res.status}: ${text.trim().slice(0, 300)}`);
    const opened = openNote(latest.note + text, [w.verifier]);
    if (!opened.ok) return failed(`the answer holds no valid cosignature by ${w.name}: ${opened.error.detail}`);
    const now = platform.clock.now();
    await platform.store.transaction(async (tx) => {
      for (const sig of opened.value.verified) {
        const seconds = cosignatureTimestamp(sig.signature) ?? Math.floor(now / 1000);
        const line = formatSignatureLine(sig);
        await insertCosignature(tx, { size: latest.size, witness: w.name, line, signedAt: seconds * 1000 }, now);
      }
      await saveWitnessState(tx, {
        ...state,
        witnessSize: latest.size,
        cosignedSize: latest.size,
        attempts: 0,
        nextAttemptAt: 0,
        lastError: null,
        updatedAt: now,
      });
    });
    return true;
  }
  return failed("the witness's size kept changing");
}

/**
 * The witness client's loop inside `serve`: a pass every `intervalMs`, apart from integration (a witness that is
 * slow or down never delays a checkpoint), each witness retried on its own backoff.
 */
export function startWitnessSender(platform: Platform, intervalMs = 200): BackgroundLoop {
  if (witnessingOf(platform.ledger).witnesses.length === 0) return { stop: async () => {} };
  return startBackgroundLoop(platform, intervalMs, "ledger: witness pass failed; retrying", async () => {
    await sendToWitnesses(platform);
    return false;
  });
}

// The consumer page's ledger check: fetch the receipt and the committed record, verify both in the browser
// (verify-receipt.js) under the log's policy written into the page, and show what was checked — a failure is
// shown as loudly as a success.
import { verifyReceipt } from "/assets/verify-receipt.js";

const section = document.getElementById("ledger");
const status = document.getElementById("ledger-status");
const list = document.getElementById("ledger-checks");
const evidence = document.getElementById("ledger-evidence");
const texts = JSON.parse(document.getElementById("ledger-texts").textContent);
const policy = JSON.parse(document.getElementById("ledger-policy").textContent);

function show(ok, message, checks) {
  status.textContent = `${ok ? "✔" : "✘"} ${message}`;
  status.className = ok ? "ok" : "fail";
  section.dataset.result = ok ? "verified" : "failed";
  list.replaceChildren(
    ...checks.map((c) => {
      const li = document.createElement("li");
      li.className = c.ok ? "ok" : "fail";
      li.textContent = `${c.ok ? "✔" : "✘"} ${texts.checks[c.name] ?? c.name}${c.ok || !c.detail ? "" : ` — ${c.detail}`}`;
      return li;
    }),
  );
}

async function run() {
  const d = section.dataset;
  const [receiptRes, recordRes] = await Promise.all([
    fetch(d.receiptUrl, { headers: { accept: "application/json" } }),
    fetch(d.recordUrl, { headers: { accept: "application/json" } }),
  ]);
  if (receiptRes.status === 409) {
    status.textContent = texts.pending;
    section.dataset.result = "pending";
    return;
  }
  if (!receiptRes.ok || !recordRes.ok) throw new Error(`HTTP ${receiptRes.status}/${recordRes.status}`);
  const receipt = await receiptRes.json();
  const record = await recordRes.json();
  const result = await verifyReceipt(receipt.receipt, policy, record, { kind: d.kind, ref: d.ref });
  const lotOk = record.lotCode === d.lotCode;
  const checks = [...result.checks, { name: "lot", ok: lotOk, detail: "" }];
  const ok = result.ok && lotOk;
  show(ok, ok ? texts.ok : texts.fail, checks);
  if (result.origin !== undefined) evidence.textContent = `${texts.evidence}: ${result.origin}#${result.index}`;
}

run().catch((e) => show(false, `${texts.fail}: ${e.message}`, []));

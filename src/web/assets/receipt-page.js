// The printable receipt page checks itself: the receipt written into the page, the log's policy written into the
// page, and the record fetched from the platform when this browser may read it — each check shown, a failure as
// loudly as a success. The same verifier as the consumer page (verify-receipt.js).
import { verifyReceipt } from "/assets/verify-receipt.js";

const data = JSON.parse(document.getElementById("receipt-data").textContent);
const section = document.getElementById("browser-check");
const status = document.getElementById("browser-check-status");
const list = document.getElementById("browser-check-list");

async function readRecord() {
  try {
    const res = await fetch(data.recordPath, { headers: { accept: "application/json" }, credentials: "same-origin" });
    return res.ok ? await res.json() : undefined;
  } catch {
    return undefined;
  }
}

async function run() {
  const record = await readRecord();
  const result = await verifyReceipt(data.receipt, data.policy, record, { kind: data.kind, ref: data.ref });
  status.textContent = result.ok ? data.texts.ok : data.texts.fail;
  status.className = result.ok ? "ok" : "fail";
  section.dataset.result = result.ok ? "verified" : "failed";
  const items = result.checks.map((c) => {
    const li = document.createElement("li");
    li.className = c.ok ? "ok" : "fail";
    li.textContent = `${c.ok ? "✔" : "✘"} ${data.texts.checks[c.name] ?? c.name}${c.ok || !c.detail ? "" : ` — ${c.detail}`}`;
    return li;
  });
  if (record === undefined) {
    const li = document.createElement("li");
    li.textContent = data.texts.recordNotChecked;
    items.push(li);
  }
  list.replaceChildren(...items);
}

run().catch((e) => {
  status.textContent = `${data.texts.fail}: ${e.message}`;
  status.className = "fail";
  section.dataset.result = "failed";
});

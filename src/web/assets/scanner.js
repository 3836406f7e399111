// The scanner page: zxing-wasm (global ZXingWASM from /assets/zxing/reader.js, its .wasm served beside it) reads
// QR and DataMatrix codes from the camera or a photo; the result opens the resolver, or — for a trace voucher and
// an enterprise key — receives it through POST /v1/receipts.
const Z = globalThis.ZXingWASM;
Z.prepareZXingModule({
  overrides: { locateFile: (path, prefix) => (path.endsWith(".wasm") ? `/assets/zxing/${path}` : prefix + path) },
});
const texts = JSON.parse(document.getElementById("scanner-texts").textContent);
const $ = (id) => document.getElementById(id);
const options = { formats: ["QRCode", "DataMatrix", "EAN13", "Code128"], tryHarder: true, maxNumberOfSymbols: 1 };
let scanned = null;
let stream = null;

/** Where a scanned text leads on this platform; element strings go through the code parser. */
async function target(text) {
  const t = text.trim();
  try {
    const u = new URL(t);
    if (u.host === location.host) return u.pathname + u.search;
  } catch {}
  const res = await fetch(`/v1/codes/parse?text=${encodeURIComponent(t)}`);
  if (res.ok) {
    const d = await res.json();
    const link = d.digitalLink ?? d.url;
    if (link) return new URL(link).pathname;
  }
  return `/01/${encodeURIComponent(t)}`;
}

function isVoucher(text) {
  return /(?:^|\/v\/)[0-9A-Z]{16,20}\/?$/.test(text.trim());
}

async function found(text) {
  scanned = text;
  $("result").textContent = text;
  stopCamera();
  if (isVoucher(text) && $("apikey").value) {
    $("receive").hidden = false;
    return;
  }
  const path = await target(text);
  const lang = texts.lang === "en" ? `${path.includes("?") ? "&" : "?"}lang=en` : "";
  location.assign(path + lang);
}

async function readFrom(source) {
  const results = await Z.readBarcodes(source, options);
  const ok = results.find((r) => r.isValid);
  return ok ? ok.text : null;
}

function stopCamera() {
  if (stream) for (const t of stream.getTracks()) t.stop();
  stream = null;
  $("video").hidden = true;
  $("camera").textContent = texts.start;
}

async function startCamera() {
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  } catch {
    $("result").textContent = texts.unavailable;
    return;
  }
  const video = $("video");
  video.srcObject = stream;
  video.hidden = false;
  await video.play();
  $("camera").textContent = texts.stop;
  const canvas = document.createElement("canvas");
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const tick = async () => {
    if (!stream) return;
    if (video.videoWidth > 0) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      ctx.drawImage(video, 0, 0);
      const text = await readFrom(ctx.getImageData(0, 0, canvas.width, canvas.height));
      if (text) return found(text);
    }
    setTimeout(tick, 200);
  };
  tick();
}

$("camera").addEventListener("click", () => (stream ? stopCamera() : startCamera()));
$("photo").addEventListener("change", async (e) => {
  const file = e.target.files?.[0];
  if (!file) return;
  try {
    const text = await readFrom(file);
    if (text) await found(text);
    else $("result").textContent = "—";
  } catch (err) {
    $("result").textContent = `✘ ${err.message ?? err}`;
  }
});
$("manual").addEventListener("submit", (e) => {
  e.preventDefault();
  const v = $("code").value.trim();
  if (v) found(v);
});
$("receive").addEventListener("click", async () => {
  const res = await fetch("/v1/receipts", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${$("apikey").value.trim()}` },
    body: JSON.stringify({ voucher: scanned }),
  });
  const body = await res.json();
  $("receive-result").textContent = res.ok
    ? `✔ ${body.voucherCode ?? ""} ${body.status}`
    : `✘ ${body.title}: ${body.detail}`;
  $("receive-result").dataset.result = res.ok ? "received" : "failed";
});

import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { randomCreditCode } from "../../test/factories.ts";

const run = promisify(execFile);
const bin = fileURLToPath(new URL("../../bin/suyuan.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "suyuan-cli-"));
const env = { ...process.env, DATABASE_URL: join(dir, "cli.db") };

async function suyuan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// The console interface, run as a user runs it (a real process on a real SQLite file).
describe("suyuan CLI", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("loads the demo province idempotently and prints it as JSON", async () => {
    const first = JSON.parse((await suyuan("demo", "--json")).stdout);
    expect(first.parties.length).toBeGreaterThanOrEqual(12);
    expect(
      new Set(first.parties.map((p: { regionCode: string }) => p.regionCode.slice(0, 4))).size,
    ).toBeGreaterThanOrEqual(3);
    expect(first.lots.length).toBeGreaterThanOrEqual(3);
    for (const lot of first.lots)
      expect(lot.traceCode).toMatch(/^http:\/\/localhost:8080\/(t\/[0-9A-Z]{18,20}|01\/\d{14}\/10\/[0-9A-Z-]+)$/);
    const again = JSON.parse((await suyuan("demo", "--json")).stdout);
    expect(again.parties.map((p: { id: string }) => p.id)).toEqual(first.parties.map((p: { id: string }) => p.id));
    expect(again.lots).toEqual(first.lots);
  });

  it("prints a new key alone on the last line, lists it without the secret, revokes it", async () => {
    const created = await suyuan("keys", "create", "--role", "regulator", "--region", "350100", "--name", "鼓楼监管");
    expect(created.code).toBe(0);
    const lines = created.stdout.trim().split("\n");
    const secret = lines.at(-1) as string;
    expect(secret).toMatch(/^sy_[\w-]{43}$/);
    const id = /key ([0-9a-f-]{36})/.exec(created.stdout)?.[1] as string;

    const list = JSON.parse((await suyuan("keys", "list", "--json")).stdout);
    expect(JSON.stringify(list)).not.toContain(secret);
    expect(list.find((k: { id: string }) => k.id === id)).toMatchObject({
      role: "regulator",
      regionCode: "350100",
      revokedAt: null,
    });

    expect((await suyuan("keys", "revoke", id)).code).toBe(0);
    const after = JSON.parse((await suyuan("keys", "list", "--json")).stdout);
    expect(after.find((k: { id: string }) => k.id === id).revokedAt).not.toBeNull();
  });

  it("refuses an incomplete key request with one line", async () => {
    const res = await suyuan("keys", "create", "--role", "enterprise");
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe("suyuan: an enterprise key needs --party <party id> (/partyId)");
  });

  it("imports parties from CSV and reports bad rows without importing any", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      `name,creditCode,kind,regionCode\n甲,${randomCreditCode()},retailer,350102\n乙,123,retailer,350102\n`,
    );
    const res = await suyuan("parties", "import", bad);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/row 3, creditCode: invalid credit code/);
    expect(res.stdout).toMatch(/2 rows, 0 imported, 1 errors/);

    const good = join(dir, "good.csv");
    writeFileSync(good, `name,creditCode,kind,regionCode\n丙,${randomCreditCode()},retailer,350102\n`);
    expect((await suyuan("parties", "import", good)).stdout).toMatch(/1 rows, 1 imported, 0 errors/);
  });

  it("imports products and lots for a party: exit 0 when clean, 1 with each bad row printed", async () => {
    const party = JSON.parse((await suyuan("demo", "--json")).stdout).parties[0].id as string;
    const products = join(dir, "products.csv");
    writeFileSync(products, "\uFEFF名称,单位,品类\n导入测试青菜,kg,vegetables\n");
    const ok = await suyuan("import", "products", products, "--party", party);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/1 rows, 1 imported, 0 errors/);

    const lots = join(dir, "lots.csv");
    writeFileSync(
      lots,
      "品名,生产日期,数量\n导入测试青菜,2020-01-01,5\n导入测试青菜,2020-13-01,5\n不存在,2020-01-01,x\n",
    );
    const bad = await suyuan("import", "lots", lots, "--party", party, "--json");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^row 3, productionDate: .+$/m);
    expect(bad.stderr).toMatch(/^row 4, quantity: 'x' is not a number$/m);
    expect(JSON.parse(bad.stdout)).toMatchObject({ rows: 3, imported: 0 });

    const help = await suyuan("import", "--help");
    expect(help.stdout).toMatch(/lots: productId .*productionDate \(生产日期/);
  }, 60_000);

  it("parses a code to one JSON object, exit 0 when valid and 1 when not", async () => {
    const ok = await suyuan("code", "parse", "(01)09520123456788(10)ABC123");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, epc: "urn:epc:class:lgtin:9520123.045678.ABC123" });
    const bad = await suyuan("code", "parse", "(01)09520123456789");
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      valid: false,
      error: { code: "invalid-value", ai: "01", position: 17 },
    });
  });

  it("prints a label and a barcode to files, naming the option at fault otherwise", { timeout: 90_000 }, async () => {
    const code = "https://trace.example.cn/01/09520123456788/10/ABC123";
    const pdf = join(dir, "label.pdf");
    const res = await suyuan(
      "label",
      "--code",
      code,
      "--product",
      "闽江纯牛奶",
      "--expires",
      "2027-05-20",
      "--out",
      pdf,
    );
    expect(res.code, res.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const svg = join(dir, "qr.svg");
    expect((await suyuan("barcode", "qr", code, "--out", svg)).code).toBe(0);
    expect(readFileSync(svg, "utf8")).toMatch(/^<svg|<\?xml/);
    const bad = await suyuan(
      "label",
      "--code",
      code,
      "--product",
      "x",
      "--lot",
      "OTHER",
      "--expires",
      "2027-05-20",
      "--out",
      pdf,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--lot/);
  });

  it("has --help on every command", { timeout: 60_000 }, async () => {
    const commands = [
      [],
      ["serve"],
      ["migrate"],
      ["keys"],
      ["keys", "create"],
      ["parties", "import"],
      ["demo"],
      ["code", "parse"],
      ["verify"],
      ["audit"],
      ["ledger", "receipt"],
      ["witness"],
    ];
    const results = await Promise.all(commands.map((cmd) => suyuan(...cmd, "--help")));
    for (const [i, res] of results.entries()) {
      expect(res.code, commands[i]?.join(" ")).toBe(0);
      expect(res.stdout).toMatch(/Usage: suyuan/);
    }
  });

  it("gives a receipt that `verify` accepts offline, rejects for a changed record, and `audit` finds the change", {
    timeout: 60_000,
  }, async () => {
    const demo = JSON.parse((await suyuan("demo", "--json")).stdout);
    const lot = demo.lots[0].id as string;
    expect((await suyuan("ledger", "integrate")).stdout).toMatch(/^tree size \d+/);
    const receipt = join(dir, "lot.tlog-proof");
    const record = join(dir, "lot.json");
    writeFileSync(receipt, (await suyuan("ledger", "receipt", "lot", lot)).stdout);
    writeFileSync(record, (await suyuan("ledger", "record", "lot", lot)).stdout);
    const ok = await suyuan("verify", receipt, "--record", record);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^valid: lot /);

    const changed = JSON.parse(readFileSync(record, "utf8"));
    changed.expiryDate = "2099-01-01";
    writeFileSync(record, JSON.stringify(changed));
    const bad = await suyuan("verify", receipt, "--record", record);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^NOT valid: the record does not match/);

    expect((await suyuan("audit")).code).toBe(0);
    const db = new Database(env.DATABASE_URL);
    db.prepare("update lots set expiry_date = '2099-01-01' where id = ?").run(lot);
    db.close();
    const audit = await suyuan("audit");
    expect(audit.code).toBe(1);
    expect(audit.stdout).toContain(`changed: lot ${lot}`);
  });

  it("runs a witness: creates its key 0600 on first start, serves it, and cosigns the platform's checkpoints", {
    timeout: 60_000,
  }, async () => {
    await suyuan("demo", "--json");
    expect((await suyuan("ledger", "integrate")).code).toBe(0);
    const policy = (await suyuan("ledger", "policy")).stdout;
    const logLine = policy.split("\n").find((l) => l.startsWith("log ")) as string;
    const logs = join(dir, "logs.txt");
    writeFileSync(logs, `# the platform we witness\n${logLine}\n`);
    const keyFile = join(dir, "witness.key");
    const child = spawn(
      process.execPath,
      [bin, "witness", "--name", "witness.agri.example", "--key-file", keyFile, "--database", join(dir, "w.db")].concat(
        ["--logs", logs, "--port", "0", "--host", "127.0.0.1"],
      ),
      { env: { ...env, LOG_LEVEL: "silent" } },
    );
    try {
      let out = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m && out.includes("witnessing:")) resolve(m[1] as string);
        });
        child.on("exit", (code) => reject(new Error(`witness exited ${code}: ${out}`)));
      });
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const vkey = (await (await fetch(`${url}/key`)).text()).trim();
      expect(out).toContain(vkey);
      const checkpoint = (await suyuan("ledger", "checkpoint")).stdout;
      const res = await fetch(`${url}/add-checkpoint`, { method: "POST", body: `old 0\n\n${checkpoint}` });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^— witness\.agri\.example \S+\n$/);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("stops with one line on bad configuration", async () => {
    const { stderr, code } = await run(process.execPath, [bin, "serve"], {
      env: { ...env, DATABASE_URL: "redis://x" },
    }).catch((e) => e);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/unknown scheme 'redis:'/);
  });

  it("reports a port in use in one line", async () => {
    const net = await import("node:net");
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const port = (blocker.address() as { port: number }).port;
    const res = await run(process.execPath, [bin, "serve"], {
      env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    }).catch((e) => e);
    blocker.close();
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe(`suyuan: cannot start: port ${port} is in use; set PORT to a free port`);
  });
});

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openTestStore } from "../../test/engines.ts";
import { testPlatform } from "../../test/factories.ts";
import { buildApp } from "./app.ts";
import { gracefulShutdown } from "./graceful-shutdown.ts";

describe("graceful shutdown", () => {
  it("lets an in-flight request finish, then closes the database", async () => {
    const store = await openTestStore("sqlite");
    const app = await buildApp({ platform: testPlatform(store) });
    let release: () => void = () => {};
    const started = new Promise<void>((resolveStarted) => {
      app.get("/test/slow", async () => {
        resolveStarted();
        await new Promise<void>((r) => {
          release = r;
        });
        return { done: true };
      });
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as { port: number };

    const inFlight = fetch(`http://127.0.0.1:${port}/test/slow`).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));
    await started;
    const closing = gracefulShutdown(app, store, 5_000, "test");
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await inFlight).toEqual({ status: 200, body: { done: true } });
    await closing;
    await expect(store.engine.ping()).rejects.toThrow();
  });

  // A real process (tsx, then the app): seconds on a quiet machine, far more on a loaded one.
  it("stops the real server on SIGTERM with exit code 0 and a checkpointed database", {
    timeout: 180_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "suyuan-sigterm-"));
    const bin = fileURLToPath(new URL("../../bin/suyuan.js", import.meta.url));
    const child = spawn(process.execPath, [bin, "serve"], {
      env: { ...process.env, DATABASE_URL: join(dir, "data", "s.db"), PORT: "0", HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    try {
      await waitFor(() => out.includes("suyuan is serving"), 30_000);
      const url = /"url":"([^"]+)"/.exec(out)?.[1];
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const exit = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
      child.kill("SIGTERM");
      expect(await exit).toBe(0);
      expect(out).toMatch(/database closed/);
      expect(existsSync(join(dir, "data", "s.db"))).toBe(true);
      expect(existsSync(join(dir, "data", "s.db-wal"))).toBe(false);
    } finally {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

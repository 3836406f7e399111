/**
 * A server for bench/resolver.bench.ts, in its own process so that the load generator does not share its event
 * loop: `hello` is a minimal Fastify hello-world route (the baseline), `app` the platform on DATABASE_URL.
 * Prints the port on stdout when listening.
 */
import Fastify from "fastify";
import { buildApp } from "../src/http/app.ts";
import { openStore } from "../src/store/store.ts";
import { testPlatform } from "../test/factories.ts";

const mode = process.argv[2];
if (mode === "hello") {
  const app = Fastify();
  app.get("/", async () => ({ hello: "world" }));
  await app.listen({ port: 0, host: "127.0.0.1" });
  console.log((app.server.address() as { port: number }).port);
} else {
  const store = await openStore(process.env.DATABASE_URL as string, { backgroundCheckpoint: true });
  const app = await buildApp({ platform: testPlatform(store) });
  await app.listen({ port: 0, host: "127.0.0.1" });
  console.log((app.server.address() as { port: number }).port);
}

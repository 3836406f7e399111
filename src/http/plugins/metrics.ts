import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * Prometheus metrics at /metrics (text exposition format 0.0.4): request counts and latencies by route
 * template (never by raw URL, so cardinality stays bounded) plus the process metrics.
 */
export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "suyuan_" });
  const requests = new Counter({
    name: "suyuan_http_requests_total",
    help: "HTTP requests by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "suyuan_http_request_duration_seconds",
    help: "HTTP request duration by method and route",
    labelNames: ["method", "route"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // Label children are cached per method and route template: a response then costs two increments, not two
  // label look-ups (the resolver answers thousands of requests a second through this hook).
  const children = new Map<string, { count: Map<number, Counter.Internal>; time: Histogram.Internal<string> }>();
  app.addHook("onResponse", (request, reply, done) => {
    const route = request.routeOptions.url ?? "unmatched";
    const key = `${request.method} ${route}`;
    let child = children.get(key);
    if (!child) {
      child = { count: new Map(), time: duration.labels({ method: request.method, route }) };
      children.set(key, child);
    }
    let count = child.count.get(reply.statusCode);
    if (!count) {
      count = requests.labels({ method: request.method, route, status: String(reply.statusCode) });
      child.count.set(reply.statusCode, count);
    }
    count.inc();
    child.time.observe(reply.elapsedTime / 1000);
    done();
  });
  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
});

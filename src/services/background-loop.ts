import type { Platform } from "./platform.ts";

export interface BackgroundLoop {
  /** Stops the loop; resolves when the pass under way (if any) has ended. */
  stop(): Promise<void>;
}

/**
 * A background job of `serve`: `pass` runs every `intervalMs`, and at once again when it says there is more to do
 * (it returns true), so a backlog drains without waiting a tick per batch. A failed pass is logged as `failure`
 * and retried at the next tick; passes never overlap. `pass` is given `stopped()` to cut a long drain short.
 */
export function startBackgroundLoop(
  platform: Pick<Platform, "logger">,
  intervalMs: number,
  failure: string,
  pass: (stopped: () => boolean) => Promise<boolean | undefined>,
): BackgroundLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const isStopped = () => stopped;
  const tick = () => {
    running = (async () => {
      let again = false;
      try {
        again = (await pass(isStopped)) === true;
      } catch (e) {
        platform.logger.error({ err: e }, failure);
      }
      if (!stopped) timer = setTimeout(tick, again ? 0 : intervalMs);
    })();
  };
  timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

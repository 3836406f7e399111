/** A start-up failure a person can fix (port in use, bad host); printed as one line by the CLI. */
export class StartupError extends Error {
  override readonly name = "StartupError";
}

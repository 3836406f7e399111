// Replaced by the engine-aware setup (see test/engines.ts) once the store lands.
export default function setup(): void {}

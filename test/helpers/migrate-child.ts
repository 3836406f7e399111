// Opens the store at argv[2], migrates, prints the applied migration names as JSON. Used to race two processes.
import { openStore } from "../../src/store/store.ts";

const store = await openStore(process.argv[2] as string);
try {
  console.log(JSON.stringify(await store.migrate()));
} finally {
  await store.close();
}

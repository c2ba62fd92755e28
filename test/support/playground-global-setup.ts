/** Builds the playground once before the end-to-end tests, so the local servers they start all find it ready. */
import { buildPlayground } from "../../playground/build";

export default async function setup(): Promise<void> {
  const built = await buildPlayground("dist/playground", { reuse: true });
  if (!built.reused) console.log(`Built the playground in ${built.milliseconds} ms.`);
}

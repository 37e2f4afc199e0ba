import { expectRun } from "./harness";
import { runXlsxShard, shardCases } from "./xlsx-fuzz";

/** Half of the .xlsx fuzz cases (see xlsx-fuzz.ts); the other half is in xlsx-mutations-b.test.ts. */
test("mutated workbooks: read or refused with localised messages, never a throw (shard 0)", async () => {
  jest.spyOn(console, "warn").mockImplementation(() => undefined);
  expectRun(await runXlsxShard(0), shardCases(0), ["read", "refused"]);
}, 600_000);

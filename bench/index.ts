/**
 * `npm run bench -- [name] [options]`: runs one sub-benchmark, or with no name every one that
 * runs in plain Node. Each sub-benchmark is a file bench/<name>.ts; add it with one line below.
 */
type Runner = (args: string[]) => Promise<unknown> | unknown;

/** name → [loader of its run function, whether it runs in plain Node (no browser)]. */
const BENCHES: Record<string, [() => Promise<Runner>, boolean]> = {
  core: [async () => (await import('./core')).run, true],
  gpu: [async () => (await import('./gpu')).runGpuBench, false],
  bundle: [async () => (await import('./bundle')).run, false],
  soak: [async () => (await import('./soak')).run, false],
  lab: [async () => (await import('./lab')).run, false],
  labtrace: [async () => (await import('./labTrace')).run, false],
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name.startsWith('--')) {
    for (const [key, [load, nodeOnly]] of Object.entries(BENCHES)) {
      if (!nodeOnly) continue;
      if (!argv.includes('--json')) console.log(`== ${key}`);
      await (await load())(argv);
    }
    return 0;
  }
  const entry = BENCHES[name];
  if (!entry) {
    console.error(`bench: unknown benchmark '${name}' (expected one of ${Object.keys(BENCHES).join(', ')})`);
    return 2;
  }
  await (await entry[0]())(rest);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);

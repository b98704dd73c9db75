// Runs StrykerJS (stryker.config.mjs) through its engine. Stryker 10's package entry refuses Node < 22 as soon as
// it is imported (a guard in its command line module), but the engine runs on the Node 20 this project supports,
// so the engine module is loaded by path. Extra arguments replace the configured mutate globs.
const { Stryker } = await import(new URL('../node_modules/@stryker-mutator/core/dist/src/stryker.js', import.meta.url).href);

const mutate = process.argv.slice(2);
const stryker = new Stryker({ configFile: 'stryker.config.mjs', ...(mutate.length ? { mutate } : {}) });
const results = await stryker.runMutationTest();
const counted = results.filter((m) => !['Ignored', 'CompileError', 'RuntimeError'].includes(m.status));
const detected = counted.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
console.log(`mutation score: ${((100 * detected) / counted.length).toFixed(2)} % (${detected} of ${counted.length})`);

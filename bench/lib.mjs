// Helpers shared by the benchmarks: run a command several times, take the median, read peak RSS.
import { spawnSync } from 'node:child_process';

/** Median wall time (ms) and max peak RSS (MB) of `cmd args` over `runs` runs. */
export function measure(cmd, args, { runs = 7, env, cwd } = {}) {
  const times = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { env: { ...process.env, ...env }, cwd, encoding: 'utf8' });
    const last = r.stderr.trim().split('\n').pop() ?? '';
    const [, kb] = last.split(' ').map(Number);
    const start = process.hrtime.bigint();
    spawnSync(cmd, args, { env: { ...process.env, ...env }, cwd, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    peak = Math.max(peak, (kb || 0) / 1024);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], peakMB: peak };
}

export function ratio(a, b) {
  return (a / b).toFixed(2);
}

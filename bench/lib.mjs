// Helpers shared by the benchmarks: run commands several times, take the median, read peak RSS.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TIME = '/usr/bin/time';

function wall(cmd, args, env, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, cwd, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status };
}

/** Peak RSS (MB) of one run, read from /usr/bin/time; 0 where it is not installed. */
export function peakRss(cmd, args, { env, cwd } = {}) {
  if (!existsSync(TIME)) return 0;
  const r = spawnSync(TIME, ['-f', '%M', cmd, ...args], { env: { ...process.env, ...env }, cwd, encoding: 'utf8' });
  const kb = Number((r.stderr ?? '').trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : 0;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median wall time (ms) and peak RSS (MB) of `cmd args` over `runs` runs. Each timed run
 * is a plain spawn (not under /usr/bin/time, which adds its own start-up); RSS comes
 * from one separate run, after `warmup` untimed runs fill the file cache.
 */
export function measure(cmd, args, { runs = 7, warmup = 1, env, cwd } = {}) {
  for (let i = 0; i < warmup; i++) wall(cmd, args, env, cwd);
  const times = [];
  for (let i = 0; i < runs; i++) times.push(wall(cmd, args, env, cwd).ms);
  return { ms: median(times), min: Math.min(...times), peakMB: peakRss(cmd, args, { env, cwd }) };
}

/**
 * Like `measure` for several commands at once, interleaved run by run, so that a burst
 * of load on a shared machine hits every command alike and ratios between them hold.
 * `commands` is `{ name: { cmd, args, env?, cwd? } }`; returns `{ name: { ms, min, peakMB, status } }`.
 */
export function measureAll(commands, { runs = 15, warmup = 2 } = {}) {
  const entries = Object.entries(commands);
  const times = Object.fromEntries(entries.map(([name]) => [name, []]));
  const status = {};
  for (let i = 0; i < warmup + runs; i++) {
    for (const [name, { cmd, args, env, cwd }] of entries) {
      const r = wall(cmd, args, env, cwd);
      status[name] = r.status;
      if (i >= warmup) times[name].push(r.ms);
    }
  }
  return Object.fromEntries(
    entries.map(([name, { cmd, args, env, cwd }]) => [
      name,
      { ms: median(times[name]), min: Math.min(...times[name]), peakMB: peakRss(cmd, args, { env, cwd }), status: status[name] },
    ]),
  );
}

export function ratio(a, b) {
  return (a / b).toFixed(2);
}

/** Wall time (ms) and peak RSS (MB) of one run, both from /usr/bin/time; throws when the command fails. */
export function timed(cmd, args, opts = {}) {
  const r = spawnSync(TIME, ['-f', '%e %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [s, kb] = last.split(' ').map(Number);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stderr.slice(-2000)}`);
  return { ms: s * 1000, peakMB: kb / 1024 };
}

/** mulberry32: a seeded generator, so generated inputs are the same on every machine. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CPU time (user + system, ms) and peak RSS (MB) of one run, from /usr/bin/time; throws when the command fails. */
export function cpuTimed(cmd, args, opts = {}) {
  const r = spawnSync(TIME, ['-f', '%U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [user, sys, kb] = last.split(' ').map(Number);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stderr.slice(-2000)}`);
  return { ms: (user + sys) * 1000, peakMB: kb / 1024 };
}

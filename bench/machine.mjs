// The machine a run measured on, and whether something else was using its
// CPU: both go into the report next to the timings they qualify.

import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { ROOT } from './options.mjs';

/**
 * The share of CPU time all processes used over the next `ms`, from
 * /proc/stat (Linux), or null elsewhere. Unlike the load average, which lags
 * by minutes (and so still counts this script's own builds), it says whether
 * something else is running now.
 */
export async function cpuBusy(ms) {
  const read = () => {
    try {
      const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      return { idle: f[3] + (f[4] || 0), total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = read();
  if (!a) return null;
  await sleep(ms);
  const b = read();
  return b && b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : null;
}

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
function cpuString(cpuinfo) {
  const f = (k) => (cpuinfo.match(new RegExp(`^${k}\\s*:\\s*(.+)$`, 'm')) || [])[1];
  const model = f('model name') || os.cpus()[0]?.model || 'unknown';
  const extra = [f('cpu family') && `family ${f('cpu family')}`, f('model') && `model ${f('model')}`, f('cpu MHz') && `${Math.round(Number(f('cpu MHz')))} MHz`];
  const hv = /\bhypervisor\b/.test(f('flags') || '') ? 'virtual machine' : null;
  return `${model} (${[...extra, hv].filter(Boolean).join(', ')})`;
}

/** CPU, memory, OS, browser, toolchain and commit, for the report's Machine table. */
export function machine(browserVersion) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const meminfo = existsSync('/proc/meminfo') ? readFileSync('/proc/meminfo', 'utf8') : '';
  const memKB = Number((meminfo.match(/^MemTotal:\s+(\d+)/m) || [])[1] || 0);
  const chromium = sh('/usr/bin/chromium', ['--version']);
  const commit = sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']);
  // The benchmark's own output (a previous run's report) does not count.
  const dirty = sh('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no', '--', '.',
    ':!bench/REPORT.md', ':!bench/report.json']);
  return {
    date: new Date().toISOString(),
    nproc: Number(sh('nproc', [])) || os.cpus().length,
    cpu: cpuString(cpuinfo),
    memory: memKB ? `${(memKB / 1024 / 1024).toFixed(1)} GiB` : `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    chromium: chromium || `Chromium ${browserVersion}`,
    chromiumBrowserVersion: browserVersion,
    node: process.version,
    rustc: sh('rustc', ['--version']),
    trunk: sh('trunk', ['--version']),
    wasmOpt: sh('wasm-opt', ['--version']),
    lighthouse: (() => {
      try {
        return JSON.parse(readFileSync(`${ROOT}/node_modules/lighthouse/package.json`, 'utf8')).version;
      } catch {
        return null;
      }
    })(),
    commit: commit ? `${commit}${dirty ? ' (+ uncommitted changes)' : ''}` : null,
  };
}

// A real WordPress for the plugin's suite, on this machine and offline:
// Debian's wordpress, MariaDB and PHP's built-in server, on 127.0.0.1, with
// every file under target/wordpress-e2e/ (the MariaDB socket excepted: a
// Unix socket path must stay under about 100 bytes, so it lives in /tmp).
//
//   const wp = await startWordPress();    // installs Debian packages if missing
//   wp.url                                 // http://127.0.0.1:<port>
//   wp.php('<?php echo home_url();')       // PHP run with WordPress loaded, as the admin
//   await wp.stop();
//
// Anything that cannot start throws with the reason and the end of its log:
// the suite fails, it never skips.

import { execFileSync, spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../lib/server.mjs';

export const WORK_DIR = path.join(REPO_ROOT, 'target', 'wordpress-e2e');
// The block theme the suite's posts render in (a Recommends of wordpress, which
// an install without recommends leaves out: then every post renders empty).
export const DEBIAN_PACKAGES = ['wordpress', 'wordpress-theme-twentytwentythree', 'mariadb-server', 'php-cli', 'php-mysql', 'unzip'];
const WORDPRESS_SOURCE = '/usr/share/wordpress';
export const ADMIN = { user: 'admin', password: 'backwise-e2e-admin' };

const tail = (file, lines = 15) => {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
};

/** Install what is missing, with apt-get (as root, or through sudo without a password). */
export function ensureDebianPackages(packages = DEBIAN_PACKAGES) {
  const missing = packages.filter((p) => {
    try {
      return !/^install ok installed$/m.test(execFileSync('dpkg-query', ['-W', '-f=${Status}\n', p], { encoding: 'utf8' }));
    } catch {
      return true;
    }
  });
  if (!missing.length) return;
  const asRoot = process.getuid && process.getuid() === 0;
  const run = (args) => {
    const [cmd, argv] = asRoot ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
    execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  try {
    run(['update', '-qq']);
    run(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  } catch (e) {
    throw new Error(
      `WordPress suite: could not install ${missing.join(' ')} from Debian ` +
        `(needs root or passwordless sudo, and the Debian archive):\n${e.stderr || e.message}`,
    );
  }
}

/** A TCP port that was free a moment ago, on 127.0.0.1. */
async function freePort() {
  const server = net.createServer();
  await new Promise((resolve, reject) => server.listen(0, '127.0.0.1', resolve).once('error', reject));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A long-running child in its own process group (so that stopping it also
 * stops the workers it forks), with its output in `log`.
 */
function startProcess(name, cmd, args, { log, env, cwd } = {}) {
  mkdirSync(path.dirname(log), { recursive: true });
  const fd = openSync(log, 'a');
  const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env: { ...process.env, ...env }, cwd, detached: true });
  closeSync(fd); // the child has its own copy
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  child.on('error', (err) => (exited = { code: null, signal: null, error: err }));
  return {
    name,
    exited: () => exited,
    /** At once, for when the test process is exiting and cannot wait. */
    kill: () => {
      if (exited) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    },
    stop: async (timeoutMs = 10_000) => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, timeoutMs);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** Poll `check` until it returns true; fail with `why()` once `proc` exits or time runs out. */
async function waitFor(what, check, { proc, log, timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    const exited = proc && proc.exited();
    if (exited || Date.now() > deadline) {
      const reason = exited
        ? `exited (${exited.error ? exited.error.message : `code ${exited.code}, signal ${exited.signal}`})`
        : `not ready after ${timeoutMs / 1000} s`;
      throw new Error(`WordPress suite: ${what} ${reason}. End of ${log}:\n${tail(log)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

const canConnect = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Run a command, throwing its output on failure. */
function run(what, cmd, args, opts = {}) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...opts });
  } catch (e) {
    throw new Error(`WordPress suite: ${what} failed (${cmd} ${args.join(' ')}):\n${e.stdout || ''}${e.stderr || e.message}`);
  }
}

/**
 * Start MariaDB and PHP's server, install WordPress, and return handles.
 * Everything from an earlier run is removed first, so each run starts from
 * a fresh site.
 */
export async function startWordPress() {
  ensureDebianPackages();
  rmSync(WORK_DIR, { recursive: true, force: true });
  const logs = path.join(WORK_DIR, 'logs');
  mkdirSync(logs, { recursive: true });
  const socketDir = mkdtempSync(path.join(os.tmpdir(), 'backwise-db-'));
  const socket = path.join(socketDir, 'mysqld.sock');
  const dataDir = path.join(WORK_DIR, 'mariadb');
  const site = path.join(WORK_DIR, 'site');
  const procs = [];
  const osUser = os.userInfo().username;

  // The servers run in process groups of their own, which outlive this
  // process unless stopped: stop them on the way out, however that comes.
  const killAll = () => procs.forEach((p) => p.kill());
  process.once('exit', killAll);
  const stop = async () => {
    for (const p of [...procs].reverse()) await p.stop();
    process.removeListener('exit', killAll);
    rmSync(socketDir, { recursive: true, force: true });
  };

  try {
    // 1. MariaDB, with its own data folder and a high port on 127.0.0.1.
    //    The install makes an account for the OS user that runs it (root
    //    here), reached through the socket without a password.
    run('mariadb-install-db', 'mariadb-install-db', [
      '--no-defaults', `--datadir=${dataDir}`, `--user=${osUser}`, '--skip-test-db',
      '--auth-root-authentication-method=socket', `--auth-root-socket-user=${osUser}`,
    ]);
    const dbPort = await freePort();
    const dbLog = path.join(logs, 'mariadb.log');
    const db = startProcess('mariadbd', 'mariadbd', [
      '--no-defaults', `--datadir=${dataDir}`, `--port=${dbPort}`, '--bind-address=127.0.0.1',
      `--socket=${socket}`, `--user=${osUser}`, `--pid-file=${path.join(WORK_DIR, 'mariadb.pid')}`,
      '--skip-log-bin', '--innodb-buffer-pool-size=32M',
    ], { log: dbLog });
    procs.push(db);
    await waitFor('MariaDB', () => canConnect(dbPort), { proc: db, log: dbLog });
    const sql = (statements) =>
      run('a MariaDB statement', 'mariadb', ['--no-defaults', `--socket=${socket}`, '-u', osUser, '-e', statements]);
    sql("CREATE DATABASE wordpress; CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY 'wp'; GRANT ALL ON wordpress.* TO 'wp'@'127.0.0.1';");

    // 2. WordPress: Debian's tree, copied (its wp-config.php reads
    //    /etc/wordpress, and its links point into /usr/share), with our own
    //    wp-config.php. No languages: they are 30 MB the suite never reads.
    if (!existsSync(path.join(WORDPRESS_SOURCE, 'wp-settings.php'))) {
      throw new Error(`WordPress suite: ${WORDPRESS_SOURCE} has no WordPress (is the Debian package 'wordpress' installed?)`);
    }
    const skip = new Set(['wp-config.php', '.htaccess', 'wp-content/languages'].map((p) => path.join(WORDPRESS_SOURCE, p)));
    cpSync(WORDPRESS_SOURCE, site, { recursive: true, dereference: true, filter: (src) => !skip.has(src) });
    mkdirSync(path.join(site, 'wp-content', 'uploads'), { recursive: true });

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const debugLog = path.join(logs, 'php-debug.log');
    writeFileSync(path.join(site, 'wp-config.php'), wpConfig({ dbPort, url, debugLog }));

    // 3. Install, offline: the install's own e-mail finds no sendmail, which is harmless.
    const php = (code, what = 'PHP with WordPress loaded') => {
      const file = path.join(WORK_DIR, 'run.php');
      writeFileSync(file, code.replace('<?php', `<?php\nrequire ${JSON.stringify(path.join(site, 'wp-load.php'))};\n`));
      return run(what, 'php', [file]);
    };
    const installFile = path.join(WORK_DIR, 'install.php');
    writeFileSync(
      installFile,
      `<?php
define('WP_INSTALLING', true);
require ${JSON.stringify(path.join(site, 'wp-load.php'))};
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$r = wp_install('Backwise test blog', ${JSON.stringify(ADMIN.user)}, 'admin@example.com', false, '', ${JSON.stringify(ADMIN.password)});
// Plain ?p=ID links: PHP's server has no rewrite rules.
update_option('permalink_structure', '');
echo is_wp_error($r) ? $r->get_error_message() : 'installed';
`,
    );
    const installed = run('the WordPress install', 'php', [installFile]);
    if (!installed.includes('installed')) throw new Error(`WordPress suite: the install said: ${installed}`);

    // 4. PHP's server, a few workers so that the page, its scripts and the
    //    deck are served side by side.
    const phpLog = path.join(logs, 'php-server.log');
    const server = startProcess('php -S', 'php', ['-S', `127.0.0.1:${port}`, '-t', site], {
      log: phpLog,
      env: { PHP_CLI_SERVER_WORKERS: '4' },
    });
    procs.push(server);
    await waitFor("PHP's built-in server", () => canConnect(port), { proc: server, log: phpLog, timeoutMs: 20_000 });

    return {
      url,
      site,
      port,
      logs,
      debugLog,
      php: (code, what) => php(`<?php\nwp_set_current_user(1);\n${code.replace(/^<\?php\s*/, '')}`, what),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

function wpConfig({ dbPort, url, debugLog }) {
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
  return `<?php
// The Backwise WordPress suite's site (e2e/wordpress/stack.mjs): a throwaway.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', '127.0.0.1:${dbPort}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
// Notices go to a log the suite reads, not into the pages.
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', ${JSON.stringify(debugLog)});
// Offline: no update checks, no cron requests, no HTTP to other hosts.
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('FS_METHOD', 'direct');
${keys.map((k) => `define('${k}', 'backwise e2e ${k}');`).join('\n')}
if (!defined('ABSPATH')) {
\tdefine('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
`;
}

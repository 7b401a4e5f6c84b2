/**
 * A PostgreSQL cluster of a test's own, on its own port, for the fault
 * tests: the machine's shared PostgreSQL (127.0.0.1:5432) is never stopped,
 * frozen or reconfigured; this one can be.
 *
 *   const cluster = await PgCluster.create()   // initdb in a temp folder, started
 *   cluster.url                                // postgres://postgres@127.0.0.1:<port>/postgres
 *   cluster.freeze() / cluster.thaw()          // SIGSTOP / SIGCONT the postmaster and every backend
 *   cluster.crash()                            // SIGKILL all of them (no shutdown, no goodbye)
 *   await cluster.start()                      // (re)start; crash recovery runs after a crash
 *   await cluster.stop()                       // pg_ctl stop -m fast
 *   await cluster.destroy()                    // stop whatever runs, remove the folder
 *
 * Binaries: Debian's /usr/lib/postgresql/<version>/bin (the newest version
 * there), or PG_BIN_DIR. Run as root (sessions and CI here), the cluster
 * belongs to and runs as the `postgres` user (`runuser -u postgres --`),
 * its folder under the system temp dir owned by it; run as anyone else, it
 * runs as that user. Trust authentication, TCP on 127.0.0.1 only, the
 * Unix socket in the cluster's own folder. Processes are found by pid
 * (postmaster.pid, then its children in /proc) and signalled one by one.
 */
import { execFile } from 'node:child_process'
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '#tests/helpers/instances'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The newest Debian PostgreSQL bin folder with initdb, or PG_BIN_DIR. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (!versions.length) {
    throw new Error(
      'No PostgreSQL server binaries: install Debian package postgresql, or set PG_BIN_DIR'
    )
  }
  return join(root, versions[0], 'bin')
}

const isRoot = () => process.getuid?.() === 0

/* The temp folder, if the postgres user can get through it (a root-only TMPDIR: /tmp instead). */
function clusterParent() {
  const parent = tmpdir()
  return isRoot() && (statSync(parent).mode & 0o001) === 0 ? '/tmp' : parent
}

export class PgCluster {
  readonly folder: string
  readonly dataDir: string
  readonly logFile: string

  private constructor(
    readonly port: number,
    readonly bin: string
  ) {
    this.folder = mkdtempSync(join(clusterParent(), 'mc-pg-'))
    this.dataDir = join(this.folder, 'data')
    this.logFile = join(this.folder, 'postgres.log')
  }

  /** initdb, configure, start; resolves once it accepts connections. */
  static async create(options: { port?: number } = {}) {
    const cluster = new PgCluster(options.port ?? (await freePort()), postgresBinDir())
    try {
      await cluster.#init()
      await cluster.start()
    } catch (error) {
      await cluster.destroy()
      throw error
    }
    return cluster
  }

  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`
  }

  /** Runs one of the cluster's binaries, as `postgres` when we are root. */
  async #as(binary: string, args: string[]) {
    const command = join(this.bin, binary)
    const [file, argv] = isRoot()
      ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
      : [command, args]
    return run(file, argv, { cwd: this.folder, timeout: 120_000 })
  }

  async #init() {
    if (isRoot()) {
      const { stdout } = await run('id', ['-u', 'postgres'])
      const { stdout: group } = await run('id', ['-g', 'postgres'])
      chownSync(this.folder, Number(stdout.trim()), Number(group.trim()))
    }
    await this.#as('initdb', [
      '-D',
      this.dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ])
    await appendFile(
      join(this.dataDir, 'postgresql.conf'),
      [
        '',
        '# a fault test cluster (backend/tests/helpers/pg_cluster.ts)',
        `port = ${this.port}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${this.folder}'`,
        'max_connections = 60',
        'shared_buffers = 16MB',
        'autovacuum = off',
        '',
      ].join('\n')
    )
  }

  /** Starts the cluster (after a crash too: PostgreSQL recovers from its WAL). */
  async start() {
    await this.#as('pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-w', '-t', '60', 'start'])
  }

  /** A clean shutdown (`fast`: sessions are ended, then the server stops). */
  async stop(mode: 'smart' | 'fast' | 'immediate' = 'fast') {
    if (!this.postmasterPid()) return
    await this.#as('pg_ctl', ['-D', this.dataDir, '-w', '-t', '60', '-m', mode, 'stop'])
  }

  /** The postmaster's pid while it runs, from postmaster.pid. */
  postmasterPid(): number | null {
    try {
      const pid = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
      process.kill(pid, 0)
      return pid
    } catch {
      return null
    }
  }

  /** The postmaster and every process it forked (backends, checkpointer, ...). */
  pids(): number[] {
    const postmaster = this.postmasterPid()
    if (!postmaster) return []
    const children: number[] = []
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
        if (ppid === postmaster) children.push(Number(entry))
      } catch {
        /* the process ended meanwhile */
      }
    }
    return [postmaster, ...children]
  }

  #signal(pids: number[], signal: NodeJS.Signals) {
    for (const pid of pids) {
      try {
        process.kill(pid, signal)
      } catch {
        /* already gone */
      }
    }
  }

  /**
   * Freezes the whole server: the postmaster first (it forks nothing more),
   * then each backend. The kernel still accepts TCP connections, which
   * then get no answer: a hung database, not a refusing one.
   */
  freeze() {
    const postmaster = this.postmasterPid()
    if (!postmaster) throw new Error('the cluster is not running')
    this.#signal([postmaster], 'SIGSTOP')
    const pids = this.pids()
    this.#signal(pids, 'SIGSTOP')
    return pids
  }

  /** Lets a frozen server run again. */
  thaw() {
    const pids = this.pids()
    this.#signal([...pids].reverse(), 'SIGCONT')
    return pids
  }

  /**
   * Kills every process of the server at once (kill -9), as a crash would,
   * and waits until they are gone. A dead postmaster left as a zombie (not
   * reaped yet by init) would make the next start refuse its stale lock
   * file: once every process is dead, that file is removed.
   */
  async crash() {
    const pids = this.pids()
    this.#signal(pids, 'SIGKILL')
    const deadline = Date.now() + 10_000
    while (pids.some((pid) => state(pid) === 'running') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const gone = Date.now() + 3000
    while (pids.some((pid) => state(pid) === 'zombie') && Date.now() < gone) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    if (pids.every((pid) => state(pid) !== 'running')) {
      rmSync(join(this.dataDir, 'postmaster.pid'), { force: true })
    }
    return pids
  }

  /** The server log (what PostgreSQL wrote since the first start). */
  log() {
    try {
      return readFileSync(this.logFile, 'utf8')
    } catch {
      return ''
    }
  }

  /** Stops whatever still runs (thawed first) and removes the folder. */
  async destroy() {
    this.thaw()
    try {
      await this.stop('immediate')
    } catch {
      await this.crash()
    }
    rmSync(this.folder, { recursive: true, force: true })
  }
}

function state(pid: number): 'running' | 'zombie' | 'gone' {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z') ? 'zombie' : 'running'
  } catch {
    return 'gone'
  }
}

import { test } from '@japa/runner'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'

/*
| docker-compose.yml is validated without a Docker engine: `config` only
| parses, interpolates and normalizes the file. Either Compose works: the
| Python docker-compose 1.29 (Debian's package, YAML output only) or the
| `docker compose` v2 plugin (JSON output with --format json).
*/

interface Compose {
  command: string
  prefix: string[]
}

function findCompose(): Compose | null {
  const candidates: Compose[] = [
    { command: 'docker-compose', prefix: [] },
    { command: 'docker', prefix: ['compose'] },
  ]
  for (const candidate of candidates) {
    const probe = spawnSync(candidate.command, [...candidate.prefix, 'version'], {
      encoding: 'utf8',
    })
    if (probe.status === 0) return candidate
  }
  return null
}

const compose = findCompose()
const composeFile = app.makePath('docker-compose.yml')

/** A clean environment: nothing from the shell or a local .env leaks into the result. */
function run(args: string[], options: { envFile?: string } = {}) {
  const global = ['-f', composeFile]
  if (options.envFile) global.unshift('--env-file', options.envFile)
  const result = spawnSync(compose!.command, [...compose!.prefix, ...global, ...args], {
    encoding: 'utf8',
    cwd: app.makePath(),
    env: options.envFile ? { PATH: process.env.PATH, HOME: process.env.HOME } : process.env,
  })
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' }
}

/** Runs `fn` with an empty env file, which stands for "no .env present". */
function withoutDotEnv<T>(fn: (envFile: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'compose-env-'))
  const envFile = join(dir, 'empty.env')
  writeFileSync(envFile, '')
  try {
    return fn(envFile)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const YAML_TO_JSON = 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'

/** The normalized configuration as an object (JSON from v2, YAML → JSON via PyYAML for v1). */
function resolvedConfig(envFile: string): any {
  // v1 answers an unknown option with its help text and exit code 0.
  const json = run(['config', '--format', 'json'], { envFile })
  if (json.status === 0 && json.stdout.trimStart().startsWith('{')) return JSON.parse(json.stdout)

  const yaml = run(['config'], { envFile })
  if (yaml.status !== 0) throw new Error(`compose config failed: ${yaml.stderr}`)
  // docker-compose 1.x is a Python program built on PyYAML, so both are there.
  const converted = spawnSync('python3', ['-c', YAML_TO_JSON], {
    input: yaml.stdout,
    encoding: 'utf8',
  })
  if (converted.status !== 0)
    throw new Error(`cannot parse the compose config: ${converted.stderr}`)
  return JSON.parse(converted.stdout)
}

/** Published host ports of a service, whatever syntax Compose normalized them to. */
function publishedPorts(service: any): number[] {
  return (service.ports ?? []).map((port: any) => {
    if (typeof port === 'object') return Number(port.published)
    const parts = String(port).split(':')
    return Number(parts[parts.length - 2])
  })
}

/** Named volumes mounted by a service. */
function mountedVolumes(service: any): string[] {
  return (service.volumes ?? []).map((volume: any) =>
    typeof volume === 'object' ? volume.source : String(volume).split(':')[0]
  )
}

function networksOf(service: any): string[] {
  const networks = service.networks ?? {}
  return Array.isArray(networks) ? networks : Object.keys(networks)
}

function healthcheckCommand(service: any): string {
  const check = service.healthcheck?.test
  return Array.isArray(check) ? check.join(' ') : String(check ?? '')
}

/** A Compose duration (`15s`, `1m30s`, `500ms`, or plain seconds) in seconds. */
function durationSeconds(value: unknown): number {
  if (typeof value === 'number') return value
  const text = String(value ?? '')
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6 }
  let total = 0
  let matched = ''
  for (const [part, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us)/g)) {
    total += Number(amount) * units[unit]
    matched += part
  }
  if (matched !== text) throw new Error(`not a duration: ${text}`)
  return total
}

const MISSING =
  'docker-compose is not installed: `apt-get install docker-compose` (.ci/run does it)'

test.group('Docker Compose file', (group) => {
  /* fails rather than skips: a missing tool must not pass for a valid file */
  group.each.setup(() => {
    if (!compose) throw new Error(MISSING)
  })

  test('docker-compose config -q accepts the file as it is', ({ assert }) => {
    const result = run(['config', '-q'])
    assert.equal(result.status, 0, result.stderr)
  }).timeout(30_000)

  test('and without any .env or environment variable', ({ assert }) => {
    withoutDotEnv((envFile) => {
      const result = run(['config', '-q'], { envFile })
      assert.equal(result.status, 0, result.stderr)
    })
  }).timeout(30_000)

  test('services, ports, volumes, network and healthchecks', ({ assert }) => {
    const config = withoutDotEnv((envFile) => resolvedConfig(envFile))
    const { web, api, postgres, redis } = config.services ?? {}

    for (const [name, service] of Object.entries({ web, api, postgres, redis })) {
      assert.exists(service, `service ${name}`)
      assert.include(networksOf(service), 'mission_control_net', `${name} network`)
    }

    assert.include(publishedPorts(web), 3000)
    assert.include(publishedPorts(api), 4000)

    assert.properties(config.volumes ?? {}, ['pg_data', 'redis_data'])
    assert.include(mountedVolumes(postgres), 'pg_data')
    assert.include(mountedVolumes(redis), 'redis_data')

    assert.property(config.networks ?? {}, 'mission_control_net')
    assert.equal(config.networks.mission_control_net.name, 'mission_control_net')

    assert.match(postgres.image, /^postgres:16/)
    assert.match(redis.image, /^redis:7/)
    assert.include(healthcheckCommand(postgres), 'pg_isready')
    assert.include(healthcheckCommand(redis), 'redis-cli ping')

    // The api reaches both through the compose network, once they are healthy.
    assert.match(api.environment.DATABASE_URL, /^postgres:\/\/[^@]+@postgres:5432\//)
    assert.equal(api.environment.REDIS_URL, 'redis://redis:6379')
    assert.equal(api.depends_on.postgres.condition, 'service_healthy')
    assert.equal(api.depends_on.redis.condition, 'service_healthy')
    assert.property(web.depends_on, 'api')
  }).timeout(30_000)

  test('the api trusts X-Forwarded-For from the web proxy alone, by its fixed address', ({
    assert,
  }) => {
    const config = withoutDotEnv((envFile) => resolvedConfig(envFile))
    const { web, api } = config.services
    const proxy = web.networks.mission_control_net.ipv4_address
    assert.match(proxy, /^\d+\.\d+\.\d+\.\d+$/)
    assert.equal(api.environment.TRUST_PROXY, proxy)
    const subnet = config.networks.mission_control_net.ipam.config[0].subnet as string
    const [network] = subnet.split('/')
    assert.equal(proxy.split('.').slice(0, 3).join('.'), network.split('.').slice(0, 3).join('.'))
  }).timeout(30_000)

  test('Docker waits longer than the api shutdown grace period before killing it', ({ assert }) => {
    const { api } = withoutDotEnv((envFile) => resolvedConfig(envFile)).services
    const grace = Number(api.environment.SHUTDOWN_GRACE_SECONDS)
    const drain = Number(api.environment.SHUTDOWN_DRAIN_SECONDS)
    assert.isAbove(grace, 0)
    assert.isAtMost(drain, grace / 2, 'draining is at most half the grace period')
    assert.isAbove(durationSeconds(api.stop_grace_period), grace)
  }).timeout(30_000)

  test('pgadmin is optional, under the tools profile', ({ assert }) => {
    withoutDotEnv((envFile) => {
      const result = run(['config', '--profiles'], { envFile })
      assert.equal(result.status, 0, result.stderr)
      assert.include(
        result.stdout.split('\n').map((line) => line.trim()),
        'tools'
      )
    })
  }).timeout(30_000)
})

import { createServer, connect, type Server, type Socket } from 'node:net'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeUser } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'
import { AppNode, eventually, freePort } from '#tests/helpers/app_node'

test.group('GET /health', () => {
  test('reports the database up (and Redis only when configured) with 200', async ({ client }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    const body = response.body()
    const expected = { status: 'ok', database: 'up' } as Record<string, string>
    if (process.env.REDIS_HOST) expected.redis = body.data.redis
    response.assertBody({ data: expected })
  })
})

/**
 * A TCP door between an app node and MariaDB that the test can shut:
 * open, it forwards; shut, it drops every live connection and refuses new
 * ones, as a stopped or restarting database does.
 */
class DatabaseDoor {
  #server: Server | null = null
  #sockets = new Set<Socket>()
  port = 0

  constructor(
    private host: string,
    private targetPort: number
  ) {}

  async open() {
    this.port ||= await freePort()
    this.#server = createServer((client) => {
      const upstream = connect(this.targetPort, this.host)
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket)
        socket.on('close', () => this.#sockets.delete(socket))
        socket.on('error', () => {
          client.destroy()
          upstream.destroy()
        })
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve) => this.#server!.listen(this.port, '127.0.0.1', resolve))
  }

  async shut() {
    const server = this.#server
    this.#server = null
    for (const socket of this.#sockets) socket.destroy()
    if (server) await new Promise((resolve) => server.close(resolve))
  }
}

const onMysql = () => db.connection().dialect.name === 'mysql'

test.group('Database down: fast 503s, then back without a restart (MariaDB)', (group) => {
  const door = new DatabaseDoor(
    process.env.MYSQL_HOST || '127.0.0.1',
    Number(process.env.MYSQL_PORT || 3306)
  )
  let node: AppNode
  group.setup(async () => {
    if (!onMysql()) return () => {}
    const cleanup = await truncateAfterEach()
    await door.open()
    // the node reaches MariaDB through the door only
    node = new AppNode('database-door', { MYSQL_HOST: '127.0.0.1', MYSQL_PORT: String(door.port) })
    await node.start()
    return async () => {
      await node.stop()
      await door.shut()
      await cleanup()
    }
  })
  group.each.timeout(60_000)

  test('requests answer 503 DATABASE_UNAVAILABLE fast while it is down and work again within 5 s of its return', async ({
    assert,
  }) => {
    const user = await makeUser('admin')
    const token = await node.signIn(user.email)
    const clients = () => node.fetch('/api/r/clients?perPage=5', { token })
    assert.equal((await clients()).status, 200)

    await door.shut()
    for (const path of ['/health', '/api/r/clients?perPage=5']) {
      const started = performance.now()
      const response = await node.fetch(path, { token })
      const seconds = (performance.now() - started) / 1000
      assert.equal(response.status, 503, path)
      assert.isBelow(seconds, 3, `${path} took ${seconds.toFixed(1)} s`)
      const body = (await response.json()) as Record<string, any>
      if (path === '/health') {
        assert.deepEqual(body, { data: { status: 'down', database: 'down' } })
      } else {
        assert.deepEqual(Object.keys(body), ['error'])
        assert.equal(body.error.code, 'DATABASE_UNAVAILABLE')
        assert.notMatch(JSON.stringify(body), /ECONNREFUSED|at .*\.(js|ts):\d+/)
      }
    }

    await door.open()
    const back = performance.now()
    assert.isTrue(
      await eventually(async () => (await clients()).status === 200, 5),
      'the node did not serve again within 5 s of the database coming back'
    )
    assert.isBelow((performance.now() - back) / 1000, 5)
    assert.equal((await node.fetch('/health')).status, 200)
  }).skip(process.env.DB_CONNECTION !== 'mysql', 'The door stands between a node and MariaDB')
})

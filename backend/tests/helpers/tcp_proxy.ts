import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * A TCP proxy in front of the test server that can go down and come back
 * on the same port: what a client sees while a server restarts
 * (ECONNREFUSED, then a fresh server; open streams are cut).
 */
export class TcpProxy {
  #server: Server | null = null
  #sockets = new Set<Socket>()
  port = 0

  constructor(
    readonly targetPort: number,
    readonly targetHost = '127.0.0.1'
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`
  }

  async up() {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost)
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
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve))
    this.port = (server.address() as AddressInfo).port
    this.#server = server
    return this
  }

  /** Stops listening and cuts every open connection. */
  async down() {
    const server = this.#server
    this.#server = null
    for (const socket of this.#sockets) socket.destroy()
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.1 server on POSIX sockets: one accept thread and one thread per connection.
///
/// Requests need a Content-Length body (chunked bodies get 411). Heads over `maxHeaderBytes` get
/// 431 and bodies over `maxBodyBytes` get 413; the server keeps serving other connections.
/// `handler` runs on the connection's thread, so it must not call `stop()`. Always call `stop()`:
/// the running threads keep the server alive until then.
///
/// ```swift
/// let server = HTTPServer { request in .text("hello \(request.path)") }
/// let port = try server.start()
/// defer { server.stop() }
/// ```
public final class HTTPServer: @unchecked Sendable {
    /// Bounds that protect the server from hostile or broken clients.
    public struct Limits: Sendable, Equatable {
        public var maxHeaderBytes: Int
        public var maxHeaderCount: Int
        public var maxBodyBytes: Int
        public var maxConnections: Int

        public init(maxHeaderBytes: Int = 16 << 10, maxHeaderCount: Int = 100, maxBodyBytes: Int = 8 << 20, maxConnections: Int = 1024) {
            self.maxHeaderBytes = maxHeaderBytes
            self.maxHeaderCount = maxHeaderCount
            self.maxBodyBytes = maxBodyBytes
            self.maxConnections = maxConnections
        }
    }

    public let limits: Limits
    let handler: @Sendable (ReceivedRequest) -> ScriptedResponse

    private let lock = NSCondition()
    private var listenFD: Int32 = -1
    private var wakePipe: (read: Int32, write: Int32) = (-1, -1)
    private var boundPort = 0
    private var stopping = false
    private var running = false
    private var openConnections: Set<Int32> = []
    private var acceptedCount = 0
    private let threads = DispatchGroup()

    public init(limits: Limits = Limits(), handler: @escaping @Sendable (ReceivedRequest) -> ScriptedResponse) {
        self.limits = limits
        self.handler = handler
    }

    deinit { stop() }

    /// Binds `host:port` (port 0: an ephemeral port), starts accepting, and returns the port.
    /// A server starts once; calling `start` again returns the bound port.
    @discardableResult
    public func start(host: String = "127.0.0.1", port: Int = 0) throws(FakeServerError) -> Int {
        if let bound = lock.withLock({ running || stopping ? boundPort : nil }) { return bound }
        let listener = try Socket.openListener(host: host, port: port)
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            close(listener.fd)
            throw .socket(call: "pipe", errno: errno)
        }
        lock.withLock {
            listenFD = listener.fd
            wakePipe = (fds[0], fds[1])
            boundPort = listener.port
            running = true
        }
        threads.enter()
        let thread = Thread { [self] in
            acceptLoop()
            threads.leave()
        }
        thread.name = "brain.fake.accept"
        thread.stackSize = 256 << 10
        thread.start()
        return listener.port
    }

    /// The bound port (0 before `start`).
    public var port: Int { lock.withLock { boundPort } }

    /// How many connections have been accepted so far.
    public var connectionsAccepted: Int { lock.withLock { acceptedCount } }

    /// Closes the listener and every connection (hung or delayed ones too) and joins all threads.
    public func stop() {
        let first: Bool? = lock.withLock {
            guard running else { return nil }
            if stopping { return false }
            stopping = true
            for fd in openConnections { _ = shutdown(fd, Int32(SHUT_RDWR)) }
            lock.broadcast()
            return true
        }
        guard let first else { return }
        if first {
            var byte: UInt8 = 1
            _ = write(wakePipe.write, &byte, 1)
        }
        threads.wait()
        guard first else { return }
        lock.withLock {
            close(listenFD)
            close(wakePipe.read)
            close(wakePipe.write)
            listenFD = -1
            running = false
        }
    }

    /// Blocks until `stop()` has been called (from another thread).
    public func waitUntilStopped() {
        lock.withLock {
            while !stopping { lock.wait() }
        }
    }

    /// Sleeps up to `milliseconds` (nil: until stop); false when the server is stopping.
    func pause(milliseconds: Int?) -> Bool {
        let deadline = milliseconds.map { Date(timeIntervalSinceNow: Double(max(0, $0)) / 1000) }
        return lock.withLock {
            while !stopping {
                if let deadline {
                    if !lock.wait(until: deadline) { break }
                } else {
                    lock.wait()
                }
            }
            return !stopping
        }
    }

    var isStopping: Bool { lock.withLock { stopping } }

    private func acceptLoop() {
        let (listener, wake) = lock.withLock { (listenFD, wakePipe.read) }
        var entries = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        while !isStopping {
            let ready = poll(&entries, 2, -1)
            if ready < 0 { if errno == EINTR { continue } else { break } }
            if entries[1].revents != 0 { break }
            guard entries[0].revents != 0 else { continue }
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { continue }
            admit(fd)
        }
    }

    private func admit(_ fd: Int32) {
        let connectionID: Int? = lock.withLock {
            guard !stopping, openConnections.count < limits.maxConnections else { return nil }
            openConnections.insert(fd)
            acceptedCount += 1
            return acceptedCount
        }
        guard let connectionID else {
            close(fd)
            return
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        Socket.disableNagle(fd)
        threads.enter()
        let thread = Thread { [self] in
            HTTPConnection(fd: fd, id: connectionID, server: self).run()
            lock.withLock { _ = openConnections.remove(fd) }
            close(fd)
            threads.leave()
        }
        thread.name = "brain.fake.connection"
        thread.stackSize = 512 << 10
        thread.start()
    }
}

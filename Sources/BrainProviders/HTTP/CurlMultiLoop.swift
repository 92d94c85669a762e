import CCurl
import Foundation

/// The one thread that owns a libcurl multi handle and every easy handle attached to it.
///
/// Other threads talk to it only by queueing commands under `lock` and calling
/// `curl_multi_wakeup`, which libcurl allows from any thread. After `shutdown()` the multi
/// handle is gone, so the wake-up happens only while the loop is still open (checked under the lock).
final class CurlMultiLoop: @unchecked Sendable {
    private enum Command {
        case start(CurlTransfer)
        case cancel(CurlTransfer)
    }

    private let lock = NSLock()
    private var commands: [Command] = []
    private var closed = false
    private let multi: UnsafeMutableRawPointer?
    private let stopped = DispatchGroup()

    // Owned by the curl thread.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []
    private let maxIdleHandles: Int

    init(maxConnections: Int) {
        _ = curlGlobalReady
        multi = curl_multi_init()
        maxIdleHandles = max(1, maxConnections)
        if let multi {
            _ = brain_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(1, maxConnections))
        }
        stopped.enter()
        let thread = Thread { [self] in
            runLoop()
            stopped.leave()
        }
        thread.name = "brain.http.curl"
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Queues a transfer; false when the loop is shut down (the caller then reports `.cancelled`).
    func submit(_ transfer: CurlTransfer) -> Bool {
        enqueue(.start(transfer))
    }

    /// Asks the curl thread to abort a submitted transfer, which then finishes as `.cancelled`.
    func cancel(_ transfer: CurlTransfer) {
        _ = enqueue(.cancel(transfer))
    }

    /// Finishes every transfer as `.cancelled`, frees all handles and waits for the thread to end.
    func shutdown() {
        lock.withLock {
            if !closed {
                closed = true
                if let multi { _ = curl_multi_wakeup(multi) }
            }
        }
        stopped.wait()
    }

    private func enqueue(_ command: Command) -> Bool {
        lock.withLock {
            if closed || multi == nil { return false }
            commands.append(command)
            _ = curl_multi_wakeup(multi)
            return true
        }
    }

    private func runLoop() {
        guard let multi else { return }
        while true {
            let (batch, closing) = lock.withLock { () -> ([Command], Bool) in
                defer { commands.removeAll(keepingCapacity: true) }
                return (commands, closed)
            }
            for command in batch {
                switch command {
                case .start(let transfer): closing ? transfer.finish(.failure(.cancelled)) : start(transfer)
                case .cancel(let transfer): abort(transfer)
                }
            }
            if closing { break }
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            collectFinished()
            _ = curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        for transfer in Array(active.values) {
            release(transfer)
            transfer.finish(.failure(.cancelled))
        }
        for easy in idleHandles { curl_easy_cleanup(easy) }
        idleHandles.removeAll()
        curl_multi_cleanup(multi)
    }

    private func start(_ transfer: CurlTransfer) {
        guard !transfer.isCancelled else { return transfer.finish(.failure(.cancelled)) }
        guard let multi, let easy = idleHandles.popLast() ?? curl_easy_init() else {
            return transfer.finish(.failure(.network(code: Int(CURLE_FAILED_INIT.rawValue), message: "could not create a curl handle")))
        }
        transfer.easy = easy
        transfer.startedAt = DispatchTime.now().uptimeNanoseconds
        do {
            try CurlEasySetup.configure(easy, for: transfer)
        } catch {
            recycle(transfer)
            return transfer.finish(.failure(error))
        }
        let added = curl_multi_add_handle(multi, easy)
        guard added == CURLM_OK else {
            recycle(transfer)
            let message = String(cString: curl_multi_strerror(added))
            return transfer.finish(.failure(.network(code: Int(CURLE_FAILED_INIT.rawValue), message: message)))
        }
        active[easy] = transfer
    }

    private func abort(_ transfer: CurlTransfer) {
        guard let easy = transfer.easy, active[easy] === transfer else { return }
        release(transfer)
        transfer.finish(.failure(.cancelled))
    }

    private func collectFinished() {
        guard let multi else { return }
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = active[easy]
            else { continue }
            let code = message.pointee.data.result
            let outcome = CurlOutcome.make(code: code, easy: easy, transfer: transfer)
            release(transfer)
            transfer.finish(outcome)
        }
    }

    /// Detaches a transfer from the multi handle and returns its easy handle to the pool.
    private func release(_ transfer: CurlTransfer) {
        guard let easy = transfer.easy else { return }
        active[easy] = nil
        if let multi { _ = curl_multi_remove_handle(multi, easy) }
        recycle(transfer)
    }

    private func recycle(_ transfer: CurlTransfer) {
        guard let easy = transfer.easy else { return }
        transfer.easy = nil
        curl_easy_reset(easy)
        if idleHandles.count < maxIdleHandles {
            idleHandles.append(easy)
        } else {
            curl_easy_cleanup(easy)
        }
        if let list = transfer.headerList {
            curl_slist_free_all(list)
            transfer.headerList = nil
        }
    }
}

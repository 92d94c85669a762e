import Foundation

/// Keeps calls to the demo's fake providers off any HTTP proxy the shell names: libcurl
/// honours `http_proxy`, which would otherwise send 127.0.0.1 traffic to the proxy.
enum LoopbackProxyBypass {
    static let proxyVariables = ["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"]
    static let loopback = "127.0.0.1,localhost"

    /// Adds the loopback names to `no_proxy`/`NO_PROXY` when a proxy is set. Call before any
    /// thread makes HTTP calls (it changes the process environment).
    static func apply() {
        let environment = ProcessInfo.processInfo.environment
        guard proxyVariables.contains(where: { environment[$0]?.isEmpty == false }) else { return }
        for variable in ["no_proxy", "NO_PROXY"] {
            let current = environment[variable] ?? ""
            setenv(variable, current.isEmpty ? loopback : current + "," + loopback, 1)
        }
    }
}

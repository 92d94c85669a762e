import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libcurl's process-wide set-up, evaluated once (Swift initialises globals lazily and atomically).
///
/// Ignores SIGPIPE for the whole process: a peer that closes a socket while libcurl (or any other
/// code) writes to it must produce an error, not kill the process.
let curlGlobalReady: Bool = {
    _ = signal(SIGPIPE, SIG_IGN)
    return curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
}()

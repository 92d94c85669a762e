import BrainCore

/// The facts a classifier needs from any provider's error body (providers.md §2.5, §4.4, §6.5, §7.4, §11).
///
/// Accepts OpenAI's `{"error":{message,type,code}}`, OpenRouter's integer `code` with `metadata`
/// and `availability`, xAI's flat `{"code","error"}`, vLLM's flat `{"object":"error",…}` and
/// `{"error":"Unauthorized"}`, and Google's `{"error":{code,message,status,details}}`, also
/// wrapped in a one-element array.
struct ErrorBody: Sendable, Equatable {
    var message: String?
    /// OpenAI `type` (e.g. `insufficient_quota`, `tokens`).
    var type: String?
    /// `code` as text: `invalid_api_key`, `"429"`, or xAI's sentence.
    var code: String?
    /// Google's canonical `status` (`INVALID_ARGUMENT`, `RESOURCE_EXHAUSTED`, …).
    var googleStatus: String?
    /// OpenRouter `metadata.error_type`, or the `error_type` next to `message`.
    var errorType: String?
    /// OpenRouter `metadata.provider_name` (set when an upstream failed).
    var upstreamProvider: String?
    /// OpenRouter `metadata.raw`: the upstream's body as text.
    var upstreamRaw: String?
    var limitSource: String?
    /// OpenRouter moderation metadata (`reasons` / `flagged_input`) is present.
    var flagged: Bool = false
    var availabilityCode: String?
    /// Seconds from OpenRouter `metadata.retry_after_seconds`, `availability.retry_after` or
    /// the copied `metadata.headers.Retry-After`.
    var bodyRetryAfter: Double?
    /// OpenRouter `metadata.headers.X-RateLimit-Reset` as sent.
    var bodyRateLimitReset: String?
    /// Google `ErrorInfo.reason` values.
    var reasons: [String] = []
    /// Google `QuotaFailure.violations[].quotaId` and `ErrorInfo.metadata.quota_limit` values.
    var quotaIds: [String] = []
    /// Google `RetryInfo.retryDelay` in seconds.
    var retryDelay: Double?
    /// The HTTP status the body states (`error.code` when an integer); used for in-body errors.
    var statedStatus: Int?

    /// Parses `text` (leading whitespace allowed); nil when it is not JSON with an error in it.
    static func parse(_ text: String) -> ErrorBody? {
        guard let value = try? JSONValue.parse(text, maxDepth: 64) else { return nil }
        return from(value)
    }

    /// Reads a parsed document; nil when it holds no recognisable error.
    static func from(_ document: JSONValue) -> ErrorBody? {
        var root = document
        if let first = document[0], document.arrayValue?.count == 1 { root = first }
        guard root.objectValue != nil else { return nil }
        var body = ErrorBody()
        switch root["error"] {
        case .object?:
            body.read(error: root["error"] ?? .null)
        case .string(let text)?:
            // xAI {"code": "...", "error": "..."} and vLLM {"error": "Unauthorized"}.
            body.message = text
            body.code = root["code"].flatMap(ErrorBody.text)
        default:
            // Older vLLM: {"object":"error","message":…,"type":…,"code":400}
            guard root["object"]?.stringValue == "error" || root["message"]?.stringValue != nil else { return nil }
            body.read(error: root)
        }
        return body
    }

    private mutating func read(error e: JSONValue) {
        message = e["message"]?.stringValue
        type = e["type"]?.stringValue
        code = e["code"].flatMap(ErrorBody.text)
        statedStatus = e["code"]?.intValue ?? e["http_status"]?.intValue
        googleStatus = e["status"]?.stringValue
        errorType = e["metadata"]?["error_type"]?.stringValue ?? e["error_type"]?.stringValue
        if let metadata = e["metadata"] {
            upstreamProvider = metadata["provider_name"]?.stringValue
            upstreamRaw = metadata["raw"]?.stringValue
            limitSource = metadata["limit_source"]?.stringValue
            flagged = metadata["reasons"] != nil || metadata["flagged_input"] != nil
            bodyRetryAfter = metadata["retry_after_seconds"].flatMap(ErrorBody.seconds)
            if let headers = metadata["headers"]?.objectValue {
                for (name, value) in headers {
                    let lower = name.lowercased()
                    if lower == "retry-after", bodyRetryAfter == nil { bodyRetryAfter = value.flatMapSeconds }
                    if lower == "x-ratelimit-reset" { bodyRateLimitReset = ErrorBody.text(value) }
                }
            }
        }
        if let availability = e["availability"] {
            availabilityCode = availability["code"]?.stringValue
            if bodyRetryAfter == nil { bodyRetryAfter = availability["retry_after"].flatMap(ErrorBody.seconds) }
        }
        for detail in (e["details"]?.arrayValue ?? []).prefix(32) {
            let type = detail["@type"]?.stringValue ?? ""
            if type.hasSuffix("ErrorInfo") {
                if let reason = detail["reason"]?.stringValue { reasons.append(reason) }
                if let limit = detail["metadata"]?["quota_limit"]?.stringValue { quotaIds.append(limit) }
            } else if type.hasSuffix("QuotaFailure") {
                for violation in (detail["violations"]?.arrayValue ?? []).prefix(32) {
                    if let id = violation["quotaId"]?.stringValue { quotaIds.append(id) }
                }
            } else if type.hasSuffix("RetryInfo") {
                retryDelay = detail["retryDelay"]?.stringValue.flatMap(RetryAfter.duration)
            }
        }
    }

    /// A string, or a number written as an integer string.
    static func text(_ value: JSONValue) -> String? {
        if let string = value.stringValue { return string }
        if let int = value.intValue { return String(int) }
        return nil
    }

    static func seconds(_ value: JSONValue) -> Double? {
        if let number = value.doubleValue, number.isFinite, number >= 0 { return number }
        return value.stringValue.flatMap { RetryAfter.plainNumber($0.trimmingSpaces) }
    }
}

extension JSONValue {
    fileprivate var flatMapSeconds: Double? { ErrorBody.seconds(self) }
}

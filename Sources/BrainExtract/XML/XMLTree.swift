import Foundation

/// Builds an `XMLTreeElement` tree from `XMLReader` events, resolving namespace prefixes.
///
/// Nesting is bounded by the reader's depth limit, so walkers may recurse over the tree.
public enum XMLTree {
    /// Parses `data` into its root element.
    public static func parse(
        _ data: Data, format: DocumentFormat, limits: ExtractionLimits, deadline: Deadline? = nil
    ) throws(ExtractionError) -> XMLTreeElement {
        var reader = XMLReader(data, format: format, maxDepth: limits.maxXMLDepth, deadline: deadline)
        var stack: [XMLTreeElement] = []
        var scopes: [[String: String]] = [["xml": "http://www.w3.org/XML/1998/namespace"]]
        // Which open elements declared namespaces; resolved names are cached while scopes hold still.
        var declares: [Bool] = []
        var cache: [String: String] = [:]
        var root: XMLTreeElement?
        while let event = try reader.next() {
            switch event {
            case .start(let name, let rawAttributes):
                var scope = scopes[scopes.count - 1]
                var declared = false
                for attribute in rawAttributes {
                    if attribute.name == "xmlns" {
                        scope[""] = attribute.value
                        declared = true
                    } else if attribute.name.hasPrefix("xmlns:") {
                        scope[String(attribute.name.dropFirst(6))] = attribute.value
                        declared = true
                    }
                }
                if declared { cache.removeAll(keepingCapacity: true) }
                func key(_ raw: String, isAttribute: Bool) -> String {
                    let cacheKey = isAttribute ? "@" + raw : raw
                    if let hit = cache[cacheKey] { return hit }
                    let resolved = resolve(raw, scope: scope, isAttribute: isAttribute)
                    cache[cacheKey] = resolved
                    return resolved
                }
                var attributes: [String: String] = [:]
                for attribute in rawAttributes where !(declared && (attribute.name == "xmlns" || attribute.name.hasPrefix("xmlns:"))) {
                    attributes[key(attribute.name, isAttribute: true)] = attribute.value
                }
                scopes.append(scope)
                declares.append(declared)
                stack.append(XMLTreeElement(key: key(name, isAttribute: false), attributes: attributes))
            case .end:
                scopes.removeLast()
                if declares.popLast() == true { cache.removeAll(keepingCapacity: true) }
                guard let done = stack.popLast() else { continue }
                if stack.isEmpty {
                    root = done
                } else {
                    stack[stack.count - 1].children.append(.element(done))
                }
            case .text(let text):
                guard !stack.isEmpty else { continue }
                if case .text(let previous) = stack[stack.count - 1].children.last {
                    stack[stack.count - 1].children[stack[stack.count - 1].children.count - 1] = .text(previous + text)
                } else {
                    stack[stack.count - 1].children.append(.text(text))
                }
            }
        }
        guard let root else { throw .corrupt(format: format, detail: "malformed xml: no root element") }
        return root
    }

    /// `prefix:local` with the prefix replaced by the namespace's short key. Unprefixed attributes
    /// have no namespace; an unbound prefix is kept as written.
    private static func resolve(_ name: String, scope: [String: String], isAttribute: Bool) -> String {
        guard let colon = name.firstIndex(of: ":") else {
            if isAttribute { return name }
            guard let uri = scope[""], !uri.isEmpty else { return name }
            return XMLNamespaces.short(uri) + ":" + name
        }
        let prefix = String(name[..<colon])
        let local = name[name.index(after: colon)...]
        guard let uri = scope[prefix] else { return name }
        return XMLNamespaces.short(uri) + ":" + local
    }
}

import Foundation

extension Rules {
    /// `invalid-url`: source URLs are absolute http or https URLs with a host (which may end with a dot).
    static func urls(_ context: RuleContext, _ log: inout FindingLog) {
        for source in context.dataset.sources {
            guard let url = source.url, !isValidURL(url) else { continue }
            log.add(.invalidURL, at: source.origin["url"], "'\(url)' is not an absolute http or https URL",
                    hint: "write the full address, such as https://www.mofa.go.jp/…; leave 'url' out when it is not recorded")
        }
    }

    static func isValidURL(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace }),
              let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              var host = components.host else { return false }
        // A host may end with the root's dot ("example.org."): it is then fully qualified.
        if host.hasSuffix(".") { host.removeLast() }
        return !host.isEmpty && (host.contains(".") || host == "localhost") && !host.hasPrefix(".") && !host.hasSuffix(".")
    }
}

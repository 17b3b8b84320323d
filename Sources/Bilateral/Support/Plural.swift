/// Counts in words for messages: `1 row`, `412 rows`, `1,048,575 rows`.
enum Plural {
    /// `count` with thousands separators and `noun`, adding an "s" unless the count is one.
    static func count(_ count: Int, _ noun: String) -> String {
        "\(count.formatted(.number.grouping(.automatic).locale(.init(identifier: "en_US")))) \(noun)\(count == 1 ? "" : "s")"
    }
}

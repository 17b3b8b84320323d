/// A table of the tabular view: its columns, keys and rows. Rows may be streamed from files, so a
/// table is read by calling `forEachRow`, once per writer.
public struct Table: Sendable {
    /// A column whose values name rows of another table (or of this one).
    public struct ForeignKey: Hashable, Sendable {
        /// The referring column.
        public var column: String
        /// The table referred to.
        public var table: String
        /// The column of that table the values name: `id`.
        public var referencedColumn: String
    }

    /// The table's name, also its file name without extension ("events").
    public var name: String
    /// A title for people ("Events").
    public var title: String
    /// The columns, in order.
    public var columns: [Column]
    /// The columns whose values identify a row; empty when rows have no key.
    public var primaryKey: [String]
    /// The number of rows when known without reading them.
    public var count: Int?
    let rows: @Sendable (_ body: ([Cell]) throws -> Void) throws -> Void

    /// Whether the table's columns differ from dataset to dataset: the observations', one per dimension.
    var dependsOnTheDataset: Bool { name == "observations" }

    /// Single-valued references to one table, as foreign keys.
    public var foreignKeys: [ForeignKey] {
        columns.compactMap { column in
            guard case .reference(let tables) = column.kind, tables.count == 1 else { return nil }
            return ForeignKey(column: column.name, table: tables[0], referencedColumn: "id")
        }
    }

    /// Calls `body` with each row's cells, one per column, in order.
    public func forEachRow(_ body: ([Cell]) throws -> Void) throws { try rows(body) }
}

import CSQLite

/// A SQLite database being written: the one owner of the C handle, checking every return code.
final class SQLiteDatabase {
    let path: String
    private var handle: OpaquePointer?

    init(path: String) throws {
        self.path = path
        var opened: OpaquePointer?
        let status = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        handle = opened
        guard status == SQLITE_OK else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(opened)
            handle = nil
            throw SQLiteError(path: path, doing: "opening it", message: message)
        }
    }

    deinit { sqlite3_close(handle) }

    /// Runs SQL that returns no rows (several statements may be separated by semicolons).
    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(try live(), sql, nil, nil, &error)
        defer { sqlite3_free(error) }
        guard status == SQLITE_OK else {
            throw SQLiteError(path: path, doing: "running \(sql.prefix(80))", message: error.map { String(cString: $0) } ?? "status \(status)")
        }
    }

    /// The rows of a query, each as its columns' text (NULL as nil).
    func rows(_ sql: String) throws -> [[String?]] {
        let statement = try prepare(sql)
        var rows: [[String?]] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.text(at: $0) })
        }
        return rows
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(try live(), sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw SQLiteError(path: path, doing: "preparing \(sql.prefix(80))", message: message)
        }
        return SQLiteStatement(statement, database: self)
    }

    /// Closes the file; the database is unusable afterwards.
    func close() throws {
        guard let handle else { return }
        self.handle = nil
        let status = sqlite3_close(handle)
        guard status == SQLITE_OK else { throw SQLiteError(path: path, doing: "closing it", message: "status \(status)") }
    }

    /// The last error's message.
    var message: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "the database is closed" }

    private func live() throws -> OpaquePointer {
        guard let handle else { throw SQLiteError(path: path, doing: "using it", message: "the database is closed") }
        return handle
    }
}

/// A prepared statement of a `SQLiteDatabase`, bound and stepped row by row.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private unowned let database: SQLiteDatabase

    init(_ statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    var columnCount: Int32 { sqlite3_column_count(statement) }

    func bindNull(_ index: Int32) throws { try check(sqlite3_bind_null(statement, index), "binding") }
    func bind(_ index: Int32, _ value: Int64) throws { try check(sqlite3_bind_int64(statement, index, value), "binding") }
    func bind(_ index: Int32, _ value: Double) throws { try check(sqlite3_bind_double(statement, index, value), "binding") }
    func bind(_ index: Int32, _ text: String) throws {
        guard !text.isEmpty else { return try check(sqlite3_bind_text(statement, index, "", 0, nil), "binding") }
        var text = text
        // SQLITE_TRANSIENT: SQLite copies the text before the call returns.
        let status = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(statement, index, chars.baseAddress!, Int32(chars.count), Self.transient)
            }
        }
        try check(status, "binding")
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Runs the statement once it is bound: true while it returns a row.
    @discardableResult
    func step() throws -> Bool {
        let status = sqlite3_step(statement)
        if status == SQLITE_ROW { return true }
        guard status == SQLITE_DONE else { throw SQLiteError(path: database.path, doing: "writing a row", message: database.message) }
        return false
    }

    /// Makes the statement ready for the next row (every parameter is bound again).
    func reset() throws {
        try check(sqlite3_reset(statement), "resetting a statement")
    }

    func text(at column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: text)
    }

    private func check(_ status: Int32, _ doing: String) throws {
        guard status == SQLITE_OK else { throw SQLiteError(path: database.path, doing: doing, message: database.message) }
    }
}

/// Why SQLite could not write the database.
struct SQLiteError: Error, CustomStringConvertible {
    let path: String
    let doing: String
    let message: String

    var description: String { "cannot write '\(path)' (\(doing)): \(message)" }
}

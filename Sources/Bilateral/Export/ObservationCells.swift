extension Observation {
    /// Appends the observation's column cells, in the order of `Observation.columns` and as `cells`
    /// makes them from the field declarations, but written out field by field: exports make them for
    /// each of millions of rows, and reading through the declarations' key paths costs several times
    /// more. `ObservationCellsTests` keeps the two equal for every field.
    ///
    /// - Parameter dimensions: false to leave out the `dimensions` cell (the tabular view gives each
    ///   dimension a column of its own).
    func appendColumnCells(to row: inout [Cell], dimensions withDimensions: Bool = true) {
        row.append(Cell(id))
        row.append(.reference(series))
        row.append(.period(period))
        row.append(Cell(periodKind))
        row.append(.number(value))
        row.append(approximate ? .boolean(true) : .empty)
        row.append(Cell(valueStatus))
        row.append(Cell(reference: partOf))
        row.append(independentlyRounded ? .boolean(true) : .empty)
        row.append(tolerance.map(Cell.number) ?? .empty)
        row.append(statedAmount.map(Cell.number) ?? .empty)
        row.append(Cell(statedUnit))
        if withDimensions { row.append(.textMap(dimensions)) }
        row.append(Cell(note))
    }
}

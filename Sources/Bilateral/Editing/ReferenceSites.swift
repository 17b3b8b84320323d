/// Where a dataset refers to a record by its id: each reference field of each record, as the kinds
/// declare them, and each citation's source. An observations file's rows are not among them: the
/// series they belong to is the file's, named once by the series.
enum ReferenceSites {
    /// The places that name `id` as a record of `kind`, in document order by kind.
    static func locations(of id: String, kind: RecordKind, in dataset: Dataset) -> [SourceLocation] {
        var found: [SourceLocation] = []
        func add<R: DeclaredFields>(_ records: [R]) {
            let referring = R.fields.filter { field in
                switch field.column.kind {
                case .reference(let tables), .references(let tables): tables.contains(kind.collection)
                default: false
                }
            }
            guard !referring.isEmpty else { return }
            for record in records {
                for field in referring {
                    switch field.cell(record) {
                    case .reference(let named) where named == id: found.append(record.origin[field.name])
                    case .references(let names):
                        for (index, named) in names.enumerated() where named == id {
                            // A citation with a quote is a mapping; its source is the id.
                            found.append(record.origin.fields["\(field.name)[\(index)].source"] ?? record.origin[field.name, index])
                        }
                    default: break
                    }
                }
            }
        }
        add([dataset.metadata])
        add(dataset.sources); add(dataset.countries); add(dataset.people); add(dataset.offices); add(dataset.organizations)
        add(dataset.mechanisms); add(dataset.events); add(dataset.agreements); add(dataset.statements); add(dataset.series)
        add(dataset.observations); add(dataset.acknowledgements)
        return found.filter { !CSVDocumentEditor.edits($0.file) }
    }
}

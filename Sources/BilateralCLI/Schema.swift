import ArgumentParser
import Bilateral
import Foundation

extension BilateralCommand {
    /// `bilateral schema`: print the JSON Schema of the dataset format.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema (draft 2020-12) of the dataset format.",
            discussion: "Editors use it to complete and check dataset files; it is Schemas/bilateral.schema.json."
        )

        @Option(help: "Which schema: dataset (the dataset format), records (a record document of shared records) or report (the 'validate --format json' report).")
        var kind: SchemaKind = .dataset

        func run() throws {
            FileHandle.standardOutput.write(Data(kind.text.utf8))
        }
    }
}

/// The JSON Schemas the tool carries.
enum SchemaKind: String, ExpressibleByArgument, CaseIterable {
    case dataset, records, report

    var text: String {
        switch self {
        case .dataset: BuiltInSchemas.dataset
        case .records: BuiltInSchemas.records
        case .report: BuiltInSchemas.validateReport
        }
    }
}

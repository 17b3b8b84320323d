import Foundation
import Testing
@testable import Bilateral

/// `Schemas/bilateral.schema.json` is generated from the field declarations and committed current.
struct SchemaTests {
    static func schema() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(DatasetSchema.text.utf8)) as? [String: Any])
    }

    @Test func theCommittedSchemaIsTheGeneratedOne() throws {
        let committed = try String(contentsOf: Repository.url("Schemas/bilateral.schema.json"), encoding: .utf8)
        #expect(committed == DatasetSchema.text, "run: swift run bilateral schema > Schemas/bilateral.schema.json")
    }

    @Test func topLevelKeysMatchTheLoader() throws {
        let properties = try #require(try Self.schema()["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(DatasetLoader.topLevelFields))
    }

    @Test func everyDeclaredFieldIsDescribedWithItsRequirement() throws {
        let defs = try #require(try Self.schema()["$defs"] as? [String: Any])
        let event = try #require(defs["event"] as? [String: Any])
        #expect(event["additionalProperties"] as? Bool == false)
        #expect(event["required"] as? [String] == ["id", "kind", "title", "start", "sources"])
        let properties = try #require(event["properties"] as? [String: Any])
        #expect(properties.count == Event.fields.count)
        let kind = try #require(properties["kind"] as? [String: Any])
        #expect(kind["enum"] as? [String] == Event.Kind.allCases.map(\.rawValue))
        #expect((properties["round"] as? [String: Any])?["minimum"] as? Int == 1)
        let observation = try #require(defs["observation"] as? [String: Any])
        #expect(observation["required"] as? [String] == ["series", "period", "value"])
        let countries = try #require(((defs["metadata"] as? [String: Any])?["properties"] as? [String: Any])?["countries"] as? [String: Any])
        #expect(countries["minItems"] as? Int == 2 && countries["maxItems"] as? Int == 2)
        for (kind, type) in DatasetSchema.recordTypes {
            let names = try #require(((defs[kind.rawValue] as? [String: Any])?["properties"] as? [String: Any])?.keys)
            #expect(Set(names) == Set(type.fields(named: ())), "\(kind)")
        }
    }
}

private extension DeclaredFields {
    static func fields(named: Void) -> [String] { fields.map(\.name) }
}

import Foundation
import Testing
@testable import Bilateral

/// `Schemas/bilateral.schema.json` describes the same format the loader reads.
struct SchemaTests {
    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: Repository.url("Schemas/bilateral.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func properties(_ definition: String) throws -> Set<String> {
        let defs = try #require(try schema()["$defs"] as? [String: Any])
        let object = try #require(defs[definition] as? [String: Any])
        #expect(object["additionalProperties"] as? Bool == false)
        return Set(try #require(object["properties"] as? [String: Any]).keys)
    }

    @Test func topLevelKeysMatchTheLoader() throws {
        let properties = try #require(try Self.schema()["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(DatasetLoader.topLevelFields))
    }

    @Test func recordFieldsMatchTheLoader() throws {
        #expect(try Self.properties("metadata") == Set(Metadata.fields))
        #expect(try Self.properties("source") == Set(Source.fields))
        #expect(try Self.properties("country") == Set(Country.fields))
        #expect(try Self.properties("person") == Set(Person.fields))
        #expect(try Self.properties("office") == Set(Office.fields))
        #expect(try Self.properties("organization") == Set(Organization.fields))
        #expect(try Self.properties("mechanism") == Set(Mechanism.fields))
        #expect(try Self.properties("event") == Set(Event.fields))
        #expect(try Self.properties("agreement") == Set(Agreement.fields))
        #expect(try Self.properties("statement") == Set(Statement.fields))
        #expect(try Self.properties("series") == Set(Series.fields))
        #expect(try Self.properties("observation") == Set(Observation.fields))
    }

    @Test func enumerationsMatchTheModel() throws {
        let defs = try #require(try Self.schema()["$defs"] as? [String: Any])
        func values(_ definition: String, _ field: String) throws -> [String] {
            let properties = try #require((defs[definition] as? [String: Any])?["properties"] as? [String: Any])
            return try #require((properties[field] as? [String: Any])?["enum"] as? [String])
        }
        #expect(try values("source", "tier") == Source.Tier.allCases.map(\.rawValue))
        #expect(try values("event", "kind") == Event.Kind.allCases.map(\.rawValue))
        #expect(try values("agreement", "kind") == Agreement.Kind.allCases.map(\.rawValue))
        #expect(try values("agreement", "status") == Agreement.Status.allCases.map(\.rawValue))
        #expect(try values("statement", "topic") == Statement.Topic.allCases.map(\.rawValue))
        #expect(try values("series", "indicator") == Series.Indicator.allCases.map(\.rawValue))
        #expect(try values("organization", "kind") == Organization.Kind.allCases.map(\.rawValue))
        #expect(try (defs["periodKind"] as? [String: Any])?["enum"] as? [String] == PeriodKind.allCases.map(\.rawValue))
    }
}

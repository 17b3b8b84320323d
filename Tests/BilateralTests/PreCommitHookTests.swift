import Foundation
import Testing
import Yams

/// The hooks of `.pre-commit-hooks.yaml`, run the way pre-commit runs them: the entry, then the hook's
/// args, then (unless `pass_filenames: false`) the changed files that match `files`.
struct PreCommitHookTests {
    struct Hook {
        let entry: [String]
        let files: NSRegularExpression
        let exclude: NSRegularExpression?
        let passFilenames: Bool
        /// The hook's own args, which a user's `args` replace.
        var defaultArgs: [String] = []

        /// The command pre-commit would run for `changed`, or nil when no changed file matches.
        func command(args: [String]? = nil, changed: [String]) -> [String]? {
            let args = args ?? defaultArgs
            let matching = changed.filter { file in
                let range = NSRange(file.startIndex..., in: file)
                return files.firstMatch(in: file, range: range) != nil && exclude?.firstMatch(in: file, range: range) == nil
            }
            guard !matching.isEmpty else { return nil }
            return Array(entry.dropFirst()) + args + (passFilenames ? matching : [])
        }
    }

    static func hooks() throws -> [String: Hook] {
        let text = try String(contentsOf: Repository.url(".pre-commit-hooks.yaml"), encoding: .utf8)
        let list = try #require(try Yams.load(yaml: text) as? [[String: Any]])
        var hooks: [String: Hook] = [:]
        for hook in list {
            let id = try #require(hook["id"] as? String)
            let entry = try #require(hook["entry"] as? String).split(separator: " ").map(String.init)
            #expect(entry.first == "bilateral" && hook["language"] as? String == "swift", "\(id)")
            hooks[id] = Hook(entry: entry, files: try NSRegularExpression(pattern: try #require(hook["files"] as? String)),
                             exclude: try (hook["exclude"] as? String).map { try NSRegularExpression(pattern: $0) },
                             passFilenames: hook["pass_filenames"] as? Bool ?? true, defaultArgs: hook["args"] as? [String] ?? [])
        }
        return hooks
    }

    @Test func validateRunsOnTheChangedDatasetFiles() throws {
        let hook = try #require(try Self.hooks()["bilateral-validate"])
        #expect(hook.command(args: [], changed: ["README.md", "Sources/Bilateral/Brief/Brief.swift"]) == nil)
        let valid = try #require(hook.command(args: [], changed: ["Fixtures/valid/minimal.yaml", "README.md", "Fixtures/valid/minimal.json"]))
        #expect(valid == ["validate", "--strict", "Fixtures/valid/minimal.yaml", "Fixtures/valid/minimal.json"])
        #expect(try Transcript.run(valid).status == 0)
        let broken = try #require(hook.command(args: [], changed: ["Fixtures/valid/minimal.yaml", "Fixtures/invalid/unknown-reference.yaml"]))
        let run = try Transcript.run(broken)
        #expect(run.status == 1)
        #expect(run.stdout.contains("Fixtures/invalid/unknown-reference.yaml:29:16: error[unknown-reference]"))
    }

    @Test func theBriefCheckRunsWithItsArgsAlone() throws {
        let hook = try #require(try Self.hooks()["bilateral-brief-check"])
        let args = ["Fixtures/pakistan-japan.yaml", "--output", "Reports/pakistan-japan.txt"]
        let command = try #require(hook.command(args: args, changed: ["Fixtures/pakistan-japan.yaml"]))
        #expect(command == ["brief", "--check"] + args)
        #expect(try Transcript.run(command).status == 0)
        let stale = try Transcript.run(["brief", "--check", "Fixtures/valid/minimal.yaml", "--output", "Reports/pakistan-japan.txt"])
        #expect(stale.status == 1 && stale.stdout.hasPrefix("Reports/pakistan-japan.txt is stale"))
    }

    @Test func aChangedRecordDocumentIsReadOnItsOwn() throws {
        let hook = try #require(try Self.hooks()["bilateral-validate"])
        let command = try #require(hook.command(changed: ["Fixtures/portfolio/shared/people.yaml", "Fixtures/portfolio/fr-de.yaml"]))
        let run = try Transcript.run(command)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout == "2 files: valid (0 errors, 0 warnings)\n")
    }

    @Test func thePortfolioHookValidatesEveryRelationshipWhenASharedRecordChanges() throws {
        let hook = try #require(try Self.hooks()["bilateral-validate-portfolio"])
        #expect(hook.command(changed: ["README.md"]) == nil)
        let command = try #require(hook.command(changed: ["shared/people.yaml"]))
        #expect(command == ["validate", "--strict", "."])
        let repository = try DiffCommandTests.repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        for entry in try FileManager.default.contentsOfDirectory(atPath: Repository.url("Fixtures/portfolio").path) {
            try DiffCommandTests.copy("Fixtures/portfolio/\(entry)", to: repository.appending(path: entry))
        }
        let valid = try Transcript.run(command, in: repository)
        #expect(valid.status == 0, "\(valid.stdout)")
        #expect(valid.stdout.hasSuffix("5 files: valid (0 errors, 0 warnings)\n"))
        // The shared person renamed: every relationship that names the old id fails.
        let people = repository.appending(path: "shared/people.yaml")
        try (try String(contentsOf: people, encoding: .utf8)).replacingOccurrences(of: "id: minister-fr,", with: "id: minister-of-france,")
            .write(to: people, atomically: true, encoding: .utf8)
        let broken = try Transcript.run(command, in: repository)
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("./fr-de.yaml: invalid") && broken.stdout.contains("error[unknown-reference]"))
    }

    @Test func theBriefCheckTakesAPortfolio() throws {
        let hook = try #require(try Self.hooks()["bilateral-brief-check"])
        let command = try #require(hook.command(args: ["Fixtures/portfolio", "--output-dir", "Tests/Golden/portfolio"], changed: ["Fixtures/portfolio/shared/people.yaml"]))
        let run = try Transcript.run(command)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }
}

import Foundation
import Testing
import Yams

/// The GitHub Actions workflow in `docs/dataset-workflow.yml`: each step that runs `bilateral` is run here
/// as the job would run it, with the test's binary, the current commit as the base branch, and the
/// dataset of record or the portfolio fixture with its golden briefs, and must succeed.
struct DocumentedWorkflowTests {
    @Test(arguments: [("Fixtures/pakistan-japan.yaml", "Reports", "### Dataset changes: `HEAD:Fixtures/pakistan-japan.yaml` → `Fixtures/pakistan-japan.yaml`"),
                      ("Fixtures/portfolio", "Tests/Golden/portfolio", "### Portfolio changes: `HEAD:Fixtures/portfolio` → `Fixtures/portfolio`")])
    func everyBilateralStepRunsAndPasses(dataset: String, briefs: String, summaryTitle: String) throws {
        let text = try String(contentsOf: Repository.url("docs/dataset-workflow.yml"), encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
        let job = try #require((workflow["jobs"] as? [String: Any])?["review"] as? [String: Any])
        var environment = try #require(job["env"] as? [String: String])
        #expect(environment["DATASET"] == "Fixtures/pakistan-japan.yaml" && environment["BRIEFS"] == "Reports")
        environment["DATASET"] = dataset
        environment["BRIEFS"] = briefs
        let steps = try #require(job["steps"] as? [[String: Any]])
        let scripts = steps.compactMap { $0["run"] as? String }.filter { $0.contains(".build/release/bilateral ") }
        #expect(scripts.count == 3, "validate, diff, check")
        #expect(steps.contains { ($0["uses"] as? String)?.hasPrefix("marocchino/sticky-pull-request-comment@") == true })

        let directory = try Export.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for script in scripts {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-e", "-c", script
                .replacingOccurrences(of: ".build/release/bilateral", with: Transcript.binary.path)
                .replacingOccurrences(of: "origin/$GITHUB_BASE_REF", with: "HEAD")
                .replacingOccurrences(of: ">diff.md", with: ">\(directory.path)/diff.md")
                .replacingOccurrences(of: "cat diff.md", with: "cat \(directory.path)/diff.md")]
            process.currentDirectoryURL = Repository.root
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, job in job }
                .merging(["GITHUB_STEP_SUMMARY": directory.appending(path: "summary.md").path]) { _, step in step }
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(script)")
        }
        let summary = try String(contentsOf: directory.appending(path: "summary.md"), encoding: .utf8)
        #expect(summary.hasPrefix(summaryTitle))
    }
}

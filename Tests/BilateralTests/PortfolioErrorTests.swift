import Foundation
import Testing

/// The portfolio's bad inputs in `Fixtures/portfolio-errors/`: each case's `expected` transcript names the
/// command it runs on its first line (`$ bilateral ARGS`), then holds the exact standard output, standard
/// error and exit status (`[exit N]`). `scripts/update-goldens.sh` rewrites them.
struct PortfolioErrorTests {
    static let cases: [String] = (try? FileManager.default.contentsOfDirectory(atPath: Repository.url("Fixtures/portfolio-errors").path))?
        .filter { FileManager.default.fileExists(atPath: Repository.url("Fixtures/portfolio-errors/\($0)/expected").path) }
        .sorted() ?? []

    @Test func everyCaseOfTheIssueHasAFixture() {
        #expect(Self.cases == ["id-in-two-files", "include-outside-root", "no-dataset", "reference-not-included",
                               "same-output-name", "unused-shared-record"])
    }

    @Test(arguments: cases)
    func reportsExactlyAsExpected(name: String) throws {
        let expected = try String(contentsOf: Repository.url("Fixtures/portfolio-errors/\(name)/expected"), encoding: .utf8)
        let command = String(expected.prefix { $0 != "\n" })
        let arguments = command.dropFirst("$ bilateral ".count).split(separator: " ").map(String.init)
        let run = try Transcript.run(arguments)
        #expect(run.status != 0, "a bad input must fail")
        #expect("\(command)\n\(run.stdout)\(run.stderr)[exit \(run.status)]\n" == expected)
        #expect(!FileManager.default.fileExists(atPath: Repository.url(".build/portfolio-errors-briefs").path),
                "a refused run writes nothing")
    }
}

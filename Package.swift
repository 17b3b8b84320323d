// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "bilateral",
    products: [
        .library(name: "Bilateral", targets: ["Bilateral"]),
        .executable(name: "bilateral", targets: ["BilateralCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Yams carries libyaml; the loader drives libyaml's event API (module CYaml) directly so that
        // every value keeps its line and column and nesting and aliases stay bounded.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Renders the briefing-note templates in Reports/.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Builds the library's documentation (Sources/Bilateral/Bilateral.docc) in CI.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Reads the styles of a reference Word document (--reference-docx); the tests read exported workbooks back.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Property-based tests (generated datasets, texts and edits), in the test target only.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // libxlsxwriter, behind the XLSX writer.
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // The system SQLite, behind the SQLite writer.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // The system zlib's CRC-32, which checks each part read from a workbook (ZIPFoundation's own is slow on Linux).
        .systemLibrary(name: "CZlibChecksum", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "Bilateral",
            dependencies: [
                .product(name: "Yams", package: "Yams"), "CXLSXWriter", "CSQLite", "CZlibChecksum",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            plugins: ["EmbedResources"]
        ),
        .executableTarget(
            name: "BilateralCLI",
            dependencies: [
                "Bilateral",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "embed-resources", path: "Tools/embed-resources"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),
        .testTarget(name: "BilateralTests", dependencies: [
            "Bilateral", "BilateralCLI", "CXLSXWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        // A program that uses the library's public API only (no @testable import).
        .testTarget(name: "ConsumerTests", dependencies: ["Bilateral"]),
    ]
)

// Coverage-guided fuzzing (libFuzzer) of every reader of outside input: a target per reader in Fuzz/,
// declared only when BILATERAL_FUZZ names libFuzzer's runtime without a main
// (libclang_rt.fuzzer_no_main), as scripts/fuzz.sh does. The library is then instrumented for the fuzzer
// and AddressSanitizer, and each target's main hands its input function to libFuzzer's driver.
if let libFuzzer = ProcessInfo.processInfo.environment["BILATERAL_FUZZ"] {
    let sanitizers: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
    if let library = package.targets.first(where: { $0.name == "Bilateral" }) {
        library.swiftSettings = (library.swiftSettings ?? []) + sanitizers
    }
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["Bilateral", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                                   path: "Fuzz/FuzzSupport", swiftSettings: sanitizers))
    for name in ["FuzzDataset", "FuzzRecordDocument", "FuzzObservationsCSV", "FuzzJSONDataset", "FuzzBriefMarkdown", "FuzzWorkbook", "FuzzStatisticsCSV", "FuzzStatisticsXML", "FuzzStatisticsJSON", "FuzzComtrade", "FuzzWorldBank", "FuzzLanguageServer"] {
        package.targets.append(.executableTarget(
            name: name, dependencies: ["Bilateral", "FuzzSupport"], path: "Fuzz/\(name)", swiftSettings: sanitizers,
            linkerSettings: [.unsafeFlags(["-sanitize=address", "-Xlinker", libFuzzer, "-lstdc++"])]))
    }
}

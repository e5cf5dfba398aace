// swift-tools-version: 6.1
// libFuzzer harnesses for Formwright's parsers. Not part of the main package: every module
// here is built with `-sanitize=fuzzer,address`, which only `Fuzz/run` passes. The library
// targets are symbolic links to ../Sources, so the fuzzed code is the shipped code.
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "FormwrightFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "XMLSupport", dependencies: ["CLibXML2"], swiftSettings: strictSwift),
        .target(name: "Localization", swiftSettings: strictSwift),
        .target(name: "DocumentModel", swiftSettings: strictSwift),
        .target(
            name: "TemplateData", dependencies: ["Localization", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSwift),
        .target(
            name: "Template", dependencies: ["XMLSupport", "Localization", "DocumentModel", "TemplateData"],
            swiftSettings: strictSwift),

        .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .target(name: "ZipSupport", dependencies: ["CLibZip"], swiftSettings: strictSwift),
        .target(
            name: "OfficeTemplate", dependencies: ["Template", "TemplateData", "Localization", "DocumentModel", "XMLSupport", "ZipSupport"],
            swiftSettings: strictSwift),

        .target(name: "LetterheadReader", dependencies: ["DocumentModel", "XMLSupport", "ZipSupport"], swiftSettings: strictSwift),

        .target(name: "FuzzDriver", path: "Targets/FuzzDriver", swiftSettings: strictSwift),
        .executableTarget(name: "fuzz-template", dependencies: ["FuzzDriver", "Template", "TemplateData", "Localization"], path: "Targets/fuzz-template", swiftSettings: strictSwift),
        .executableTarget(name: "fuzz-expression", dependencies: ["FuzzDriver", "Template"], path: "Targets/fuzz-expression", swiftSettings: strictSwift),
        .executableTarget(name: "fuzz-message", dependencies: ["FuzzDriver", "Localization"], path: "Targets/fuzz-message", swiftSettings: strictSwift),
        .executableTarget(name: "fuzz-po", dependencies: ["FuzzDriver", "Localization"], path: "Targets/fuzz-po", swiftSettings: strictSwift),
        .executableTarget(name: "fuzz-json", dependencies: ["FuzzDriver", "TemplateData"], path: "Targets/fuzz-json", swiftSettings: strictSwift),
        .executableTarget(name: "fuzz-yaml", dependencies: ["FuzzDriver", "TemplateData"], path: "Targets/fuzz-yaml", swiftSettings: strictSwift),
        .executableTarget(name: "fuzz-data", dependencies: ["FuzzDriver", "Template", "TemplateData", "Localization"], path: "Targets/fuzz-data", swiftSettings: strictSwift),
        .executableTarget(name: "fuzz-arithmetic", dependencies: ["FuzzDriver", "Template", "TemplateData", "Localization"], path: "Targets/fuzz-arithmetic", swiftSettings: strictSwift),
        .executableTarget(
            name: "fuzz-office", dependencies: ["FuzzDriver", "OfficeTemplate", "Template", "TemplateData", "Localization", "ZipSupport"],
            path: "Targets/fuzz-office", swiftSettings: strictSwift),
        .executableTarget(
            name: "fuzz-letterhead", dependencies: ["FuzzDriver", "LetterheadReader", "ZipSupport"],
            path: "Targets/fuzz-letterhead", swiftSettings: strictSwift),
    ],
    swiftLanguageModes: [.v6]
)

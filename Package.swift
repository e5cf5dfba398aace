// swift-tools-version: 6.1
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Formwright",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "formwright", targets: ["formwright"]),
        .executable(name: "formwright-bench", targets: ["FormwrightBenchmarks"]),
        .library(name: "Formwright", targets: ["Formwright"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The render service (formwright serve) only. Hummingbird's default traits pull in
        // swift-configuration, which the service does not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // C libraries: one system-library target each, imported by exactly one Swift module.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CLibZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]),

        .target(name: "XMLSupport", dependencies: ["CLibXML2"], swiftSettings: strictSwift),
        .target(name: "ZipSupport", dependencies: ["CLibZip"], swiftSettings: strictSwift),
        .target(name: "Localization", swiftSettings: strictSwift),
        .target(name: "DocumentModel", swiftSettings: strictSwift),
        .target(
            name: "TemplateData",
            dependencies: ["Localization", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSwift),
        .target(
            name: "Template",
            dependencies: ["XMLSupport", "Localization", "DocumentModel", "TemplateData"],
            swiftSettings: strictSwift),
        .target(
            name: "OfficeTemplate",
            dependencies: ["Template", "TemplateData", "Localization", "DocumentModel", "XMLSupport", "ZipSupport"],
            swiftSettings: strictSwift),
        // LibreOffice headless (PDF, PDF/A) and poppler (PNG, fonts, text with positions): processes, no C library.
        .target(name: "OfficeConversion", dependencies: ["ZipSupport", "XMLSupport"], swiftSettings: strictSwift),
        .target(name: "LetterheadReader", dependencies: ["DocumentModel", "XMLSupport", "ZipSupport"], swiftSettings: strictSwift),
        .target(name: "ODTWriter", dependencies: ["XMLSupport", "ZipSupport", "DocumentModel"], swiftSettings: strictSwift),
        .target(name: "DOCXWriter", dependencies: ["XMLSupport", "ZipSupport", "DocumentModel"], swiftSettings: strictSwift),
        .target(
            name: "CatalogTools",
            dependencies: ["Template", "OfficeTemplate", "Localization", "XMLSupport"],
            swiftSettings: strictSwift),
        .target(
            name: "Formwright",
            dependencies: ["Template", "TemplateData", "Localization", "DocumentModel", "CatalogTools", "ODTWriter", "DOCXWriter", "OfficeTemplate", "LetterheadReader", "XMLSupport", "ZipSupport", "OfficeConversion"],
            swiftSettings: strictSwift),
        // HTML forms from a template's schema and back; no HTTP (the server mounts it at /forms).
        .target(name: "WebForms", dependencies: ["TemplateData", "Localization", "XMLSupport"], swiftSettings: strictSwift),
        // formwright serve: the HTTP API and the web forms over the facade, on Hummingbird.
        .target(
            name: "FormwrightServer",
            dependencies: [
                "Formwright", "WebForms", "TemplateData", "Localization", "ZipSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSwift),
        .executableTarget(
            name: "formwright",
            dependencies: ["Formwright", "FormwrightServer", "OfficeTemplate", "OfficeConversion", "Localization", "CatalogTools", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSwift),

        // Speed targets live in this release benchmark, never in timed tests.
        .executableTarget(
            name: "FormwrightBenchmarks",
            dependencies: ["Formwright", "Localization", "Template", "TemplateData"],
            path: "Benchmarks/FormwrightBenchmarks",
            swiftSettings: strictSwift),

        // Shared by the test targets only: repository paths, validators, golden files.
        .target(name: "TestSupport", dependencies: ["ZipSupport", "DocumentModel"], path: "Tests/TestSupport", swiftSettings: strictSwift),

        .testTarget(name: "XMLSupportTests", dependencies: ["XMLSupport"], swiftSettings: strictSwift),
        .testTarget(name: "ZipSupportTests", dependencies: ["ZipSupport"], swiftSettings: strictSwift),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization", "TestSupport"], exclude: ["Fixtures"], swiftSettings: strictSwift),
        .testTarget(name: "OfficeConversionTests", dependencies: ["OfficeConversion", "ZipSupport", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(
            name: "LetterheadReaderTests", dependencies: ["LetterheadReader", "DocumentModel", "ZipSupport", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSwift),
        .testTarget(name: "DocumentModelTests", dependencies: ["DocumentModel"], swiftSettings: strictSwift),
        .testTarget(
            name: "CatalogToolsTests", dependencies: ["CatalogTools", "Template", "Localization", "TestSupport", "formwright"],
            exclude: ["Fixtures"], swiftSettings: strictSwift),
        .testTarget(name: "TemplateDataTests", dependencies: ["TemplateData", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(
            name: "OfficeTemplateTests", dependencies: ["OfficeTemplate", "Template", "TemplateData", "Localization", "ZipSupport", "TestSupport"],
            swiftSettings: strictSwift),
        .testTarget(name: "TemplateTests", dependencies: ["Template", "TemplateData", "DocumentModel", "Localization"], swiftSettings: strictSwift),
        .testTarget(
            name: "ODTWriterTests", dependencies: ["ODTWriter", "DocumentModel", "ZipSupport", "TestSupport"],
            exclude: ["Golden"], swiftSettings: strictSwift),
        .testTarget(
            name: "DOCXWriterTests", dependencies: ["DOCXWriter", "DocumentModel", "ZipSupport", "TestSupport"],
            exclude: ["Golden"], swiftSettings: strictSwift),
        .testTarget(
            name: "WebFormsTests", dependencies: ["WebForms", "TemplateData", "Localization", "XMLSupport", "TestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "FormwrightServerTests",
            dependencies: [
                "FormwrightServer", "Formwright", "WebForms", "TemplateData", "TestSupport", "ZipSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSwift),
        .testTarget(
            name: "FormwrightTests",
            dependencies: ["Formwright", "formwright", "TestSupport", "ZipSupport", "DocumentModel", "Localization", "ODTWriter", "DOCXWriter", "LetterheadReader", "OfficeConversion"],
            exclude: ["Golden"], swiftSettings: strictSwift),
    ],
    swiftLanguageModes: [.v6]
)

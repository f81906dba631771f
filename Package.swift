// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "permdocs",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PermDocs", targets: ["PermDocs"]),
        .library(name: "PermDocsServer", targets: ["PermDocsServer"]),
        .executable(name: "permdocs", targets: ["permdocs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        // cmark from Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(
            name: "CMark",
            path: "Sources/CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "PermDocs",
            dependencies: [
                "CMark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Sources/PermDocs",
            resources: [.copy("Catalog/Snapshot"), .copy("Findings/RiskData")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // The development server lives apart so the core library does not depend on an HTTP server.
        .target(
            name: "PermDocsServer",
            dependencies: [
                "PermDocs",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            path: "Sources/PermDocsServer"
        ),
        .executableTarget(
            name: "permdocs",
            dependencies: [
                "PermDocs",
                "PermDocsServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/permdocs",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // Phase timings in one process, cold and after an edit (Benchmarks/run).
        .executableTarget(
            name: "permdocs-bench",
            dependencies: ["PermDocs"],
            path: "Sources/permdocs-bench",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "PermDocsTests",
            dependencies: ["PermDocs"],
            path: "Tests/PermDocsTests",
            resources: [.copy("Fixtures")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "PermDocsServerTests",
            dependencies: ["PermDocsServer", "PermDocs"],
            path: "Tests/PermDocsServerTests"
        ),
    ]
)

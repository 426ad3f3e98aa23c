// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Diskret",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Diskret", targets: ["Diskret"]),
        .library(name: "DiskretConsent", targets: ["DiskretConsent"]),
        .library(name: "DiskretDocx", targets: ["DiskretDocx"]),
        .library(name: "DiskretService", targets: ["DiskretService"]),
        .executable(name: "diskret", targets: ["diskret"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // `swift package generate-documentation` for the DocC catalogues of Diskret and DiskretConsent.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // System ICU (libicu-dev). Only DiskretICU's C file includes its headers: Foundation on Linux bundles
        // its own ICU, and the two header sets must never meet in one Clang module graph.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // A C bridge whose public header exposes only opaque handles and plain C types.
        .target(name: "DiskretICU", dependencies: ["CICU"]),
        // The engine: pure library, no stdin/stdout, no process exit.
        .target(
            name: "Diskret",
            dependencies: [
                "DiskretICU",
                .product(name: "Yams", package: "Yams"),
                // Keyed pseudonyms (HMAC), the vault (AES-GCM) and its passphrase KDF (scrypt, in _CryptoExtras).
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Consent registry, rosters and audit trail (SQLite through GRDB).
        .target(
            name: "DiskretConsent",
            dependencies: [
                "Diskret",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Text out of Word documents (.docx): its own checked ZIP directory, ZIPFoundation's inflater with a bound on
        // what is unpacked, XML streamed (FoundationXML).
        .target(name: "DiskretDocx", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The HTTP service and its review page (Hummingbird 2): router, middleware, handlers.
        .target(
            name: "DiskretService",
            dependencies: [
                "Diskret",
                "DiskretConsent",
                "DiskretDocx",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "diskret",
            dependencies: [
                "Diskret",
                "DiskretConsent",
                "DiskretDocx",
                "DiskretService",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A libFuzzer target (built with --sanitize fuzzer and -DFUZZING); otherwise a replay tool for its corpus.
        .executableTarget(name: "DiskretFuzz", dependencies: ["Diskret", "DiskretConsent", "DiskretDocx"]),
        .testTarget(name: "DiskretTests", dependencies: ["Diskret"]),
        .testTarget(name: "DiskretDocxTests", dependencies: ["DiskretDocx"]),
        .testTarget(
            name: "DiskretConsentTests",
            dependencies: ["DiskretConsent", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "DiskretServiceTests",
            dependencies: [
                "DiskretService",
                "diskret",
                "DiskretConsent",
                "DiskretDocx",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "DiskretCLITests",
            dependencies: ["Diskret", "diskret", "DiskretDocx", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)

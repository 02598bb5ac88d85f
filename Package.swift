// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "paddock",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "paddock", targets: ["PaddockCLI"]),
    .executable(name: "paddock-fuzz", targets: ["PaddockFuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The C library, found through pkg-config. Nothing but the shim lives here.
    .systemLibrary(
      name: "CLibgit2",
      pkgConfig: "libgit2",
      providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
    ),
    // HTTP (GitHub, model servers) on libcurl, which the shim loads on the first request rather than at start-up:
    // compiled against the headers of libcurl4-openssl-dev, run with the system's libcurl 4. Only PaddockNet
    // imports it.
    .target(name: "CCurl"),
    // RE2 (Debian's libre2-dev) behind a C interface: regular expressions in time linear in the subject.
    .target(
      name: "CRE2",
      linkerSettings: [.linkedLibrary("re2")]
    ),
    // The only module that imports CRE2: `LinearRegex`, for rules, agent markers and every user-written pattern.
    .target(
      name: "PaddockRegex",
      dependencies: ["CRE2"]
    ),
    // Threads for CPU-bound work, SHA-256, signal deferral, child processes, byte buffers and blank trimming, shared
    // by the Swift modules above it (PaddockRegex needs none of it).
    .target(name: "PaddockSupport"),
    // HTTP on libcurl (the only module that imports CCurl), its errors and retries, and `JSONValue`.
    .target(
      name: "PaddockNet",
      dependencies: ["CCurl", "PaddockSupport"]
    ),
    // The only module that imports CLibgit2.
    .target(
      name: "PaddockGit",
      dependencies: ["CLibgit2", "PaddockSupport"]
    ),
    // The change under review as values, the vocabulary rules check and report in: `ReviewChange` with its files,
    // added lines, commits and paths, `Authorship`, `FileKind`, `Language` and globs; `Finding` with its severity,
    // fingerprint, suppression and verdict; and the YAML reading rule packs share with the configuration
    // (`NodeReader`, `ConfigError`, `ConfigFiles`).
    .target(
      name: "PaddockChange",
      dependencies: ["PaddockGit", "PaddockRegex", "PaddockSupport", .product(name: "Yams", package: "Yams")]
    ),
    // Rules: the rule model, its kinds and their checks, the YAML packs (rules/*.yml compiled in by the
    // EmbedResources plugin), the catalogue and the compiled `RuleSet` that evaluates a `ReviewChange`. It knows no
    // configuration: the core hands the kinds `KindSettings` read from `.paddock.yml`.
    .target(
      name: "PaddockRules",
      dependencies: [
        "PaddockChange", "PaddockGit", "PaddockRegex", "PaddockSupport", .product(name: "Yams", package: "Yams"),
      ],
      plugins: ["EmbedResources"]
    ),
    // Attribution, agents, review, configuration (which rules it switches on), review output, hooks and CI: Swift
    // values in, values out. It knows neither reports nor model review, the modules above it (the model review comes
    // in as a `ModelReviewStep`). What modules offer each other is `package`: nothing outside this package links
    // them. The hook scripts in hooks/ are compiled in by the EmbedResources plugin.
    .target(
      name: "PaddockCore",
      dependencies: [
        "PaddockChange",
        "PaddockGit",
        "PaddockNet",
        "PaddockRegex",
        "PaddockRules",
        "PaddockSupport",
        .product(name: "Yams", package: "Yams"),
      ],
      plugins: ["EmbedResources"]
    ),
    // Attribution reports over whole histories (release, snapshot, trends, failures, organisation) and their
    // tables and HTML page.
    .target(
      name: "PaddockReports",
      dependencies: ["PaddockChange", "PaddockCore", "PaddockGit", "PaddockNet", "PaddockRegex", "PaddockSupport"]
    ),
    // Model review: providers and their wire formats, the prompt, the answer cache and the reviewer, which the CLI
    // hands to the core as a `ModelReviewStep`.
    .target(
      name: "PaddockModelReview",
      dependencies: ["PaddockChange", "PaddockCore", "PaddockGit", "PaddockNet", "PaddockRules", "PaddockSupport"]
    ),
    .executableTarget(name: "ResourceEmbedder"),
    .plugin(
      name: "EmbedResources",
      capability: .buildTool(),
      dependencies: ["ResourceEmbedder"]
    ),
    // The thin command-line front end.
    .executableTarget(
      name: "PaddockCLI",
      dependencies: [
        "PaddockChange",
        "PaddockCore",
        "PaddockGit",
        "PaddockModelReview",
        "PaddockNet",
        "PaddockReports",
        "PaddockRules",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The parsers of untrusted input as fuzz targets, shared by the libFuzzer driver and the regression tests.
    .target(
      name: "PaddockFuzzing",
      dependencies: ["PaddockChange", "PaddockCore", "PaddockGit", "PaddockModelReview", "PaddockNet", "PaddockRules"]
    ),
    // libFuzzer's driver (`Fuzz/run` builds it with -sanitize=fuzzer); built normally, it replays files.
    .executableTarget(
      name: "PaddockFuzz",
      dependencies: ["PaddockFuzzing", "CLibFuzzer"]
    ),
    // The declaration of libFuzzer's driver entry point, for PaddockFuzz.
    .target(name: "CLibFuzzer"),
    .target(
      name: "TestSupport",
      dependencies: ["PaddockGit", "PaddockCore", "PaddockNet"],
      path: "Tests/TestSupport"
    ),
    .testTarget(
      name: "PaddockGitTests",
      dependencies: ["PaddockGit", "TestSupport"]
    ),
    .testTarget(
      name: "PaddockCoreTests",
      dependencies: [
        "PaddockChange", "PaddockCore", "PaddockGit", "PaddockModelReview", "PaddockNet", "PaddockRegex",
        "PaddockReports", "PaddockRules", "PaddockFuzzing", "PaddockSupport",
        "TestSupport",
      ],
      exclude: ["Golden", "Fixtures"]
    ),
    .testTarget(
      name: "PaddockCLITests",
      dependencies: [
        "PaddockCLI", "PaddockCore", "PaddockModelReview", "PaddockNet", "TestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6],
  cxxLanguageStandard: .cxx17
)

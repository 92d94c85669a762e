// swift-tools-version:6.0
import PackageDescription

/// brain: a local-first engine that turns resumes and job descriptions into structured JSON.
///
/// Layers (data flows down): BrainCLI -> BrainEngine -> {BrainExtract, BrainPrompt, BrainProviders, BrainStore}.
/// BrainFake is the scriptable fake provider used by tests, the demo and benchmarks.
/// No Swift package dependencies: Foundation plus libsqlite3, libcurl and zlib.
let package = Package(
    name: "brain",
    products: [
        .executable(name: "brain", targets: ["brain"])
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        .executableTarget(name: "EmbedTool"),
        .plugin(name: "EmbedRepositoryFolders", capability: .buildTool(), dependencies: ["EmbedTool"]),
        .target(name: "BrainResources", plugins: ["EmbedRepositoryFolders"]),

        .target(name: "BrainCore"),
        .target(
            name: "BrainStore", dependencies: ["CSQLite", "BrainCore"],
            resources: [.embedInCode("Resources/schema.sql")]),
        .target(name: "BrainExtract", dependencies: ["CZlib", "BrainCore"]),
        .target(name: "BrainPrompt", dependencies: ["BrainCore", "BrainResources"]),
        .target(name: "BrainProviders", dependencies: ["CCurl", "BrainCore"]),
        .target(name: "BrainFake", dependencies: ["BrainCore", "BrainPrompt"]),
        .target(
            name: "BrainEngine",
            dependencies: [
                "BrainCore", "BrainStore", "BrainExtract", "BrainPrompt", "BrainProviders", "BrainFake",
                "BrainResources",
            ]),
        .target(name: "BrainCLI", dependencies: ["BrainEngine"]),
        .executableTarget(name: "brain", dependencies: ["BrainCLI"]),

        .testTarget(name: "BrainCoreTests", dependencies: ["BrainCore"]),
        .testTarget(name: "BrainStoreTests", dependencies: ["BrainStore"]),
        .testTarget(name: "BrainExtractTests", dependencies: ["BrainExtract"]),
        .testTarget(name: "BrainPromptTests", dependencies: ["BrainPrompt"]),
        .testTarget(name: "BrainProvidersTests", dependencies: ["BrainProviders", "BrainFake"]),
        .testTarget(name: "BrainEngineTests", dependencies: ["BrainEngine", "BrainFake"]),
        .testTarget(name: "BrainCLITests", dependencies: ["BrainCLI", "BrainFake", "BrainStore"]),
    ]
)

// swift-tools-version:6.0
import PackageDescription

// Toolchain only: the people this is built for asked for no package dependencies.
let package = Package(
    name: "throughline",
    products: [
        .executable(name: "throughline", targets: ["throughline"]),
        .library(name: "ThroughlineCore", targets: ["ThroughlineCore"]),
    ],
    targets: [
        .target(name: "ThroughlineCore"),
        .target(name: "ThroughlineCLI", dependencies: ["ThroughlineCore"]),
        .executableTarget(name: "throughline", dependencies: ["ThroughlineCLI"]),
        .executableTarget(name: "throughline-bench", dependencies: ["ThroughlineCore"]),
        .testTarget(name: "ThroughlineCoreTests", dependencies: ["ThroughlineCore"]),
        .testTarget(
            name: "ThroughlineCLITests",
            dependencies: ["ThroughlineCLI", "ThroughlineCore"],
            exclude: ["Golden"]
        ),
    ]
)

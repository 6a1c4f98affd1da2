// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ChainRule",
    products: [
        .library(name: "ChainRule", targets: ["ChainRule"]),
        .executable(name: "chainrule", targets: ["chainrule"]),
        .executable(name: "chainrule-bench", targets: ["chainrule-bench"]),
    ],
    targets: [
        .target(name: "ChainRule"),
        .executableTarget(name: "chainrule", dependencies: ["ChainRule"]),
        .executableTarget(name: "chainrule-bench", dependencies: ["ChainRule"]),
        .testTarget(
            name: "ChainRuleTests",
            dependencies: ["ChainRule"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

// swift-tools-version: 6.0
import PackageDescription

// Release builds on x86-64 target Haswell-class processors (AVX2, FMA: 2013 and later), so the
// batched runtime's matrix multiply (Sources/ChainRule/Runtime/Matmul.swift) runs 4-wide SIMD.
// Debug builds, and with it `swift test`, stay at the baseline.
#if arch(x86_64)
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"], .when(configuration: .release))]
#else
let releaseSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "ChainRule",
    products: [
        .library(name: "ChainRule", targets: ["ChainRule"]),
        .executable(name: "chainrule", targets: ["chainrule"]),
        .executable(name: "chainrule-bench", targets: ["chainrule-bench"]),
    ],
    targets: [
        .target(name: "ChainRule", swiftSettings: releaseSettings),
        .executableTarget(name: "chainrule", dependencies: ["ChainRule"]),
        .executableTarget(name: "chainrule-bench", dependencies: ["ChainRule"]),
        .testTarget(
            name: "ChainRuleTests",
            dependencies: ["ChainRule"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

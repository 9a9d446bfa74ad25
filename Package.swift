// swift-tools-version: 6.0
// Layers, dependencies pointing one way (README.md, "Architecture"):
// _CGMP/_CMPFR -> Numbers (-> Balls, over _CArb) -> Series -> LinearAlgebra -> Landscape -> Solvers -> Export -> puiseux (CLI),
// with Expressions (the expression parser and its series evaluator) beside Series.
import PackageDescription

// The generic code of the lower layers (series over BigFloat, the model over series) is
// specialised in the layers that use it: without cross-module optimisation every series
// operation called from Landscape or Solvers goes through witness tables and runtime generic
// metadata (measured: Docs/performance.md).
let specialised: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "puiseux",
    products: [
        .library(name: "Numbers", targets: ["Numbers"]),
        .library(name: "Balls", targets: ["Balls"]),
        .library(name: "Series", targets: ["Series"]),
        .library(name: "Expressions", targets: ["Expressions"]),
        .library(name: "Export", targets: ["Export"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "Landscape", targets: ["Landscape"]),
        .library(name: "Solvers", targets: ["Solvers"]),
        .executable(name: "puiseux", targets: ["puiseux"]),
        .executable(name: "puiseux-bench", targets: ["PuiseuxBenchmarks"]),
        .executable(name: "puiseux-eigen-bench", targets: ["EigenBenchmarks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "_CGMP", path: "Sources/_CGMP"),
        .systemLibrary(name: "_CMPFR", path: "Sources/_CMPFR"),
        .systemLibrary(name: "_CArb", path: "Sources/_CArb"),
        .target(name: "Numbers", dependencies: ["_CGMP", "_CMPFR"], swiftSettings: specialised),
        // Arb's headers bring their own copies of GMP's and MPFR's declarations: the balls live in
        // their own module so that the two imports never meet in one file.
        .target(name: "Balls", dependencies: ["Numbers", "_CArb"], swiftSettings: specialised),
        .target(name: "Series", dependencies: ["Numbers", "Balls"], swiftSettings: specialised),
        .target(name: "Expressions", dependencies: ["Numbers", "Balls", "Series"]),
        .target(name: "Export", dependencies: ["Numbers", "Balls", "Series", "Expressions", "LinearAlgebra"]),
        .target(name: "LinearAlgebra", dependencies: ["Numbers"], swiftSettings: specialised),
        .target(name: "Landscape", dependencies: ["Numbers", "LinearAlgebra"], swiftSettings: specialised),
        .target(name: "Solvers", dependencies: ["Numbers", "Balls", "Series", "LinearAlgebra", "Landscape"], swiftSettings: specialised),
        .executableTarget(
            name: "puiseux",
            dependencies: [
                "Numbers", "Balls", "Series", "Expressions", "Export", "LinearAlgebra", "Landscape", "Solvers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "PuiseuxBenchmarks", dependencies: ["Numbers", "Series", "Expressions"]),
        .executableTarget(name: "EigenBenchmarks", dependencies: ["Numbers", "LinearAlgebra"]),
        .executableTarget(name: "FamilyTable", dependencies: ["Numbers", "Landscape", "Solvers"]),
        .testTarget(name: "NumbersTests", dependencies: ["Numbers"]),
        .testTarget(name: "SeriesTests", dependencies: ["Numbers", "Balls", "Series", "Expressions"]),
        .testTarget(name: "BallsTests", dependencies: ["Numbers", "Balls"]),
        .testTarget(name: "ExpressionsTests", dependencies: ["Numbers", "Balls", "Series", "Expressions", "Export", "LinearAlgebra"]),
        .testTarget(name: "CLITests", dependencies: []),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["Numbers", "LinearAlgebra"]),
        .testTarget(name: "LandscapeTests", dependencies: ["Numbers", "Series", "LinearAlgebra", "Landscape"]),
        .testTarget(name: "SolversTests", dependencies: ["Numbers", "LinearAlgebra", "Landscape", "Solvers"]),
    ]
)

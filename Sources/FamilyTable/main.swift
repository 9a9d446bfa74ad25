#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Numbers
import Landscape
import Solvers
import LinearAlgebra

// Prints Docs/families-finite-d.md's table: the eight families of paper 000 (FamilyCatalogue)
// found by Newton at d = 20 and continued in d, with loss, gradient norm and the isotypic
// Hessian index.
// `FamilyTable --series NAME B NODES DMIN DMAX BITS` prints instead the numeric fit of the
// family's series in t = d^(-1/B) (NumericFamilyExpansion), for exploring new families.
let arguments = CommandLine.arguments
if arguments.count == 8, arguments[1] == "--series", let family = FamilyCatalogue.named(arguments[2]),
   let b = Int(arguments[3]), let nodes = Int(arguments[4]), let low = Double(arguments[5]),
   let high = Double(arguments[6]), let precision = Int(arguments[7]) {
    let fit = try NumericFamilyExpansion.compute(family, ramification: b, nodes: nodes, range: (low, high), precision: precision)
    for (i, name) in family.pattern.coordinates.enumerated() {
        print(name, fit.coordinates[i].prefix(6).map { $0.formatted(significantDigits: 16) })
    }
    print("loss", fit.loss.prefix(8).map { $0.formatted(significantDigits: 16) })
    exit(0)
}

// `FamilyTable --spectrum NAME D BITS`: the isotypic spectrum at one d.
// `FamilyTable --series-bench BITS...`: time of each family to 12 terms by the series route
// (including the continuation to the three d its leading exponents are read from) beside the
// numeric route (16 nodes over [1e4, 1e8]), in one run. A degenerate family's series time is
// the time until the series route gives up.
if arguments.count >= 3, arguments[1] == "--series-bench" {
    let clock = ContinuousClock()
    func seconds(_ d: Duration) -> String { String(format: "%.2f", d / .seconds(1)) }
    print("| family | bits | series route (s) | b found | numeric route (s) | ratio numeric/series |")
    print("|---|---|---|---|---|---|")
    for bits in arguments.dropFirst(2).compactMap({ Int($0) }) {
        for family in FamilyCatalogue.families {
            var found = "degenerate"
            let series = clock.measure {
                if let e = try? SeriesFamilyExpansion.compute(family, terms: 12, precision: bits) { found = "\(e.ramification)" }
            }
            let numeric = try clock.measure {
                _ = try NumericFamilyExpansion.compute(family, ramification: family.expectedRamification, nodes: 16, range: (1e4, 1e8), precision: bits)
            }
            print("| \(family.name) | \(bits) | \(seconds(series)) | \(found) | \(seconds(numeric)) | \(String(format: "%.1f", numeric / series)) |")
        }
    }
    exit(0)
}
// `FamilyTable --series-spectrum NAME TERMS BITS`: eigenvalue series by the series ring
// (SeriesSpectrum; the "fit" lines are the numeric route's, for comparison).
if arguments.count == 5, arguments[1] == "--series-spectrum", let family = FamilyCatalogue.named(arguments[2]),
   let terms = Int(arguments[3]), let precision = Int(arguments[4]) {
    let clock = ContinuousClock()
    do {
        var seeds: NumericSpectrumExpansion?
        let seedTime = try clock.measure {
            seeds = try NumericSpectrumExpansion.compute(family, ramification: family.expectedRamification, nodes: 12, range: (1e4, 1e8), precision: precision)
        }
        let check = try NumericSpectrumExpansion.compute(family, ramification: family.expectedRamification, nodes: 14, range: (2e4, 2e8), precision: precision + 64)
        var result: SeriesSpectrum?
        let time = try clock.measure { result = try SeriesSpectrum.compute(family, terms: terms, precision: precision) }
        print("seeds \(seedTime), series \(time), b = \(result!.ramification)")
        for (c, component) in result!.components.enumerated() {
            for (e, list) in component.eigenvalues.enumerated() {
                print(component.name, list.terms.map { "\($0.coefficient.formatted(significantDigits: 16)) d^(\($0.dExponent))" }.joined(separator: " + "), "O(d^\(list.dOrder!))")
                if c < 2 { print("   fit", seeds!.components[c].eigenvalues[e].prefix(terms).map { $0.formatted(significantDigits: 10) }.joined(separator: ", ")) }
            }
        }
    } catch { print("error:", error); exit(1) }
    exit(0)
}
if arguments.count == 5, arguments[1] == "--family-phases", let family = FamilyCatalogue.named(arguments[2]),
   let terms = Int(arguments[3]), let precision = Int(arguments[4]) {
    // Wall time of each phase of `puiseux family` (series at P, lift to 2P).
    let clock = ContinuousClock()
    print("critical points at d = 200 ... 1600:", try clock.measure {
        _ = try FamilyCatalogue.criticalPoints(of: family, at: [200, 400, 800, 1600].map { BigFloat($0, precision: max(precision, 192)) }, precision: max(precision, 192))
    })
    var first: SeriesFamilyExpansion?
    print("series at \(precision) bits:", try clock.measure { first = try SeriesFamilyExpansion.compute(family, terms: terms, precision: precision) })
    print("lift to \(2 * precision) bits:", try clock.measure { _ = try first!.lifted(toPrecision: 2 * precision) })
    var short: SeriesFamilyExpansion?, long: SeriesFamilyExpansion?
    print("series at \(precision) bits, 4 terms fewer:", try clock.measure { short = try SeriesFamilyExpansion.compute(family, terms: terms - 4, precision: precision) })
    print("lengthened by 4 terms:", try clock.measure { long = try short!.lifted(toPrecision: precision, terms: terms) })
    var worst = 0.0
    for i in 0..<family.pattern.dimension {
        for (x, y) in zip(first!.coordinateCoefficients(i), long!.coordinateCoefficients(i)) {
            worst = max(worst, (x - y).magnitude.doubleValue / max(1, x.magnitude.doubleValue))
        }
    }
    print("largest relative difference from the direct solve:", worst)
    exit(0)
}
if arguments.count == 5, arguments[1] == "--series-newton", let family = FamilyCatalogue.named(arguments[2]),
   let terms = Int(arguments[3]), let precision = Int(arguments[4]) {
    let clock = ContinuousClock()
    var expansion: SeriesFamilyExpansion?
    let time = try clock.measure { expansion = try SeriesFamilyExpansion.compute(family, terms: terms, precision: precision) }
    let result: FamilySeries? = expansion!.solution
    print("leading exponents", expansion!.solution.leadingExponents, "from", expansion!.leadingSource)
    let r = result!
    print("b =", r.ramification, "iterations", r.iterations, time)
    for (i, c) in family.pattern.coordinates.enumerated() {
        print(c, r.coordinates[i].terms.map { "\($0.coefficient.formatted(significantDigits: 20)) d^(\($0.dExponent))" }.joined(separator: " + "), "(truncated)")
        print("   residual", r.residual[i].terms.map { "\($0.coefficient.formatted(significantDigits: 3)) d^(\($0.dExponent))" }.prefix(4), "O(d^\(r.residual[i].dOrder.map { "\($0)" } ?? "-"))")
    }
    print("loss", r.loss.terms.map { "\($0.coefficient.formatted(significantDigits: 25)) d^(\($0.dExponent))" }.joined(separator: " + "), "O(d^\(r.loss.dOrder.map { "\($0)" } ?? "-"))")
    exit(0)
}
if arguments.count == 5, arguments[1] == "--spectrum", let family = FamilyCatalogue.named(arguments[2]),
   let d = Double(arguments[3]), let precision = Int(arguments[4]) {
    let point = try FamilyCatalogue.criticalPoints(of: family, at: [BigFloat(d, precision: precision)], precision: precision)[0]
    let s = try IsotypicSpectrum(point)
    for (label, values) in [("t", s.trivial), ("s", s.standard), ("x", s.exterior), ("y", s.y)] {
        print(label, values.map { $0.formatted(significantDigits: 12) })
    }
    exit(0)
}

// `FamilyTable --spectrum-series NAME B NODES DMIN DMAX BITS`: eigenvalue series by component,
// printed as the coefficients of d^1, d^(1 - 1/b), d^(1 - 2/b), ...
if arguments.count == 8, arguments[1] == "--spectrum-series", let family = FamilyCatalogue.named(arguments[2]),
   let b = Int(arguments[3]), let nodes = Int(arguments[4]), let low = Double(arguments[5]),
   let high = Double(arguments[6]), let precision = Int(arguments[7]) {
    let fit = try NumericSpectrumExpansion.compute(family, ramification: b, nodes: nodes, range: (low, high), precision: precision)
    for (name, eigenvalues) in fit.components {
        for e in eigenvalues { print(name, e.prefix(2 * b + 1).map { $0.formatted(significantDigits: 10) }) }
    }
    exit(0)
}

// `FamilyTable --last-rows-series NAME TERMS BITS`: the same block as series in the series ring.
if arguments.count == 5, arguments[1] == "--last-rows-series", let family = FamilyCatalogue.named(arguments[2]),
   let terms = Int(arguments[3]), let bits = Int(arguments[4]) {
    do {
        let e = try SeriesFamilyExpansion.compute(family, terms: terms, precision: bits)
        let (lower, upper) = try SeriesSpectrum.lastRowsStandardBlock(try SeriesSpectrum.Jacobians(e, wholeExterior: true), pattern: family.pattern)
        for s in [lower, upper] {
            print(s.terms.map { "\($0.coefficient.formatted(significantDigits: 20)) d^(\($0.dExponent))" }.joined(separator: " + "), "O(d^\(s.dOrder.map { "\($0)" } ?? "-"))")
        }
    } catch { print("error:", error); exit(1) }
    exit(0)
}
// `FamilyTable --last-rows NAME D`: distinct eigenvalues of the Hessian block of the last two
// rows of W (paper 000, section 5.2), from the explicit model in Double.
if arguments.count == 4, arguments[1] == "--last-rows", let family = FamilyCatalogue.named(arguments[2]),
   let d = Int(arguments[3]) {
    let point = try FamilyCatalogue.criticalPoints(of: family, at: [BigFloat(d, precision: 192)], precision: 192)[0]
    let w = try family.pattern.matrix(point.coordinates.map(\.doubleValue), dimension: d)
    let k = w.count
    let block = try ExplicitModel<Double>(dimension: d).hessianSubmatrix(Matrix(w), rows: [k - 2, k - 1])
    let values = try block.symmetricEigenvalues()
    var distinct = [(Double, Int)]()
    for v in values {
        if let last = distinct.last, abs(last.0 - v) < 1e-9 * max(1, abs(v)) { distinct[distinct.count - 1].1 += 1 } else { distinct.append((v, 1)) }
    }
    print(distinct.map { "\($0.0) x\($0.1)" }.joined(separator: ", "))
    exit(0)
}

// `FamilyTable --spectrum-bench NAME`: the isotypic spectrum at d = 1e6 (256 bits) against
// the dense Hessian (Double) at d = 40, both timed here (the critical points are computed
// before the clocks start).
if arguments.count == 3, arguments[1] == "--spectrum-bench", let family = FamilyCatalogue.named(arguments[2]) {
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        try body()
        clock_gettime(CLOCK_MONOTONIC, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) * 1e-9
    }
    let big = try FamilyCatalogue.criticalPoints(of: family, at: [BigFloat(1_000_000, precision: 256)], precision: 256)[0]
    let small = try FamilyCatalogue.criticalPoints(of: family, at: [BigFloat(40, precision: 256)], precision: 256)[0]
    var count = 0
    let reduced = try seconds { let s = try IsotypicSpectrum(big); count = s.trivial.count + s.standard.count + 2 }
    let w = try family.pattern.matrix(small.coordinates.map(\.doubleValue), dimension: 40)
    var size = 0
    let dense = try seconds {
        let h = try ExplicitModel<Double>(dimension: 40).hessian(Matrix(w))
        size = h.rows
        _ = try h.symmetricEigenvalues()
    }
    print("{\"family\": \"\(family.name)\", \"isotypic_d1e6_256bit_s\": \(reduced), \"distinct_eigenvalues\": \(count), \"dense_d40_double_s\": \(dense), \"dense_size\": \(size)}")
    exit(0)
}

let bits = 256
let dimensions = [10, 20, 50, 100, 1000]
print("| family | d | loss | gradient norm | index (total; t, s, x, y) |")
print("|---|---|---|---|---|")
for family in FamilyCatalogue.families {
    do {
        let points = try FamilyCatalogue.criticalPoints(
            of: family, at: dimensions.map { BigFloat($0, precision: bits) }, precision: bits)
        for (d, point) in zip(dimensions, points) {
            let index = try RestrictedSpectrum(point).index(q: d - family.p)
            print("| \(family.name) | \(d) | \(point.loss.formatted(significantDigits: 12)) | \(point.gradientNorm.formatted(significantDigits: 2)) | \(index.total); \(index.trivial), \(index.standard), \(index.exterior), \(index.y) |")
        }
    } catch {
        print("| \(family.name) | failed: \(error) | | | |")
    }
}

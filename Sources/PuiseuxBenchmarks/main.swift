#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Series

// Series benchmarks: *, /, sqrt, acos and composition at 64/256/1024 bits and
// 16/64/256 terms on pseudo-random series (fixed seed). One JSON line per case, in the
// format of Benchmarks/python/baseline_flint.py, so the two can be put side by side.
// Usage: puiseux-bench [--quick] [--ops mul,div,...]

let arguments = CommandLine.arguments
let quick = arguments.contains("--quick")
let selectedOps: Set<String>? = arguments.firstIndex(of: "--ops").map { Set(arguments[$0 + 1].split(separator: ",").map(String.init)) }
let minimumSeconds = quick ? 0.05 : 0.2

extension SplitMix64 {
    /// Uniform in [-1, 1), as an exact dyadic rational rounded to `bits`.
    mutating func coefficient(bits: Int) -> BigFloat {
        let r = Rational(Int(next() >> 11) - (1 << 52), 1 << 52)
        return BigFloat(r, precision: bits)
    }
}

typealias S = PuiseuxSeries<BigFloat>

func randomSeries(_ g: inout SplitMix64, bits: Int, terms: Int, valuation: Int, constant: Rational?) -> S {
    var cs = (0..<terms).map { _ in g.coefficient(bits: bits) }
    if let constant { cs[0] = BigFloat(constant, precision: bits) }
    return S(valuation: valuation, coefficients: cs, order: valuation + terms,
             context: SeriesContext(precision: bits, relativeTerms: terms))
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Median over 3 rounds of the mean time per call, each round repeating for >= minimumSeconds.
func measure(_ body: () throws -> Void) rethrows -> Double {
    var rounds = [Double]()
    for _ in 0..<3 {
        var reps = 0
        let start = now()
        var elapsed = 0.0
        repeat {
            try body()
            reps += 1
            elapsed = now() - start
        } while elapsed < minimumSeconds
        rounds.append(elapsed / Double(reps))
    }
    return rounds.sorted()[1]
}

var sink = 0
for bits in [64, 256, 1024] {
    for terms in [16, 64, 256] {
        var g = SplitMix64(seed: UInt64(bits * 1000 + terms))
        let a = randomSeries(&g, bits: bits, terms: terms, valuation: 0, constant: nil)
        let b = randomSeries(&g, bits: bits, terms: terms, valuation: 0, constant: Rational(3, 2))
        let p = randomSeries(&g, bits: bits, terms: terms, valuation: 0, constant: Rational(5, 4))
        let c = randomSeries(&g, bits: bits, terms: terms, valuation: 0, constant: Rational(1, 3))
        let inner = randomSeries(&g, bits: bits, terms: terms, valuation: 1, constant: Rational(1, 2))
        let cases: [(String, () throws -> Void)] = [
            ("mul", { sink &+= (a * b).coefficients.count }),
            ("div", { sink &+= try (a / b).coefficients.count }),
            ("sqrt", { sink &+= try p.squareRoot().coefficients.count }),
            ("acos", { sink &+= try c.arccosine().coefficients.count }),
            ("compose", { sink &+= try a.composed(with: inner).coefficients.count }),
        ]
        for (name, body) in cases where selectedOps?.contains(name) ?? true {
            let seconds = try measure(body)
            print("{\"tool\": \"puiseux\", \"op\": \"\(name)\", \"bits\": \(bits), \"terms\": \(terms), \"seconds\": \(seconds)}")
        }
    }
}
if sink == 42 { print("") }

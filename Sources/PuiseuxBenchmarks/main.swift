#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Series
import Expressions

// Series benchmarks: *, /, sqrt, acos and composition at 64/256/1024 bits and
// 16/64/256 terms on pseudo-random series (fixed seed). One JSON line per case, in the
// format of Benchmarks/python/baseline_flint.py, so the two can be put side by side.
// Usage: puiseux-bench [--quick] [--ops mul,div,...]

let arguments = CommandLine.arguments

// `puiseux-bench --expand EXPR ORDER BITS`: the peers' protocol (shared/bench/peers): the
// backed expansion of EXPR to O(d^ORDER) at BITS (checked at 2 BITS, as the CLI does),
// repeated for >= 0.5 s; prints `TIME <seconds per expansion>` and `C S <k> <coefficient>`
// for the coefficient of t^k, t = d^(-1/2). `--certified`: the expansion in balls, once, every
// printed digit proved (`expand --certified`).
if let i = arguments.firstIndex(of: "--expand"), arguments.count >= i + 4,
   let order = Rational(arguments[i + 2]), let bits = Int(arguments[i + 3]) {
    let expression = try Expression.parse(arguments[i + 1])
    var options = ExpansionOptions(target: .order(order), precision: bits, forceNumeric: arguments.contains("--numeric"))
    options.certified = arguments.contains("--certified")
    var expansion = try Expansion(expanding: expression, options: options)
    var reps = 0
    let start = now()
    repeat {
        expansion = try Expansion(expanding: expression, options: options)
        reps += 1
    } while now() - start < 0.5
    print("TIME \((now() - start) / Double(reps))")
    for term in expansion.terms {
        let k = (term.exponent * Rational(-2))
        print("C S \(k) \(term.coefficient)")
    }
    exit(0)
}
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

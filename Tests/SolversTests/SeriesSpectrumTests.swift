#if canImport(Glibc)
import Glibc
#endif
import Testing
import Numbers
import Series
import LinearAlgebra
import Landscape
@testable import Solvers

/// `SeriesSpectrum`: eigenvalue series in the series ring, against published values (paper 000,
/// MATH.md section 6) and against the exact isotypic spectrum at a large finite d (an
/// independent computation: Newton at that d, no series).
@Suite struct SeriesSpectrumTests {
    typealias S = PuiseuxSeries<BigFloat>

    static func spectrum(_ name: String, terms: Int, bits: Int) throws -> SeriesSpectrum {
        let family = try #require(FamilyCatalogue.named(name))
        return try SeriesSpectrum.compute(family, terms: terms, precision: bits)
    }

    /// The leading term's coefficient at d^exponent (zero when absent).
    static func coefficient(_ s: S, _ exponent: Rational) -> BigFloat {
        s.terms.first { $0.dExponent == exponent }?.coefficient ?? BigFloat(0, precision: s.precision)
    }

    static func close(_ x: BigFloat, _ y: BigFloat, digits: Double) -> Bool {
        let gap = (x - y).magnitude.doubleValue, size = max(y.magnitude.doubleValue, 1e-300)
        return gap == 0 || -log10(gap / size) > digits
    }

    /// Each eigenvalue series, truncated, at d equals the exact eigenvalue at d within the size of
    /// the series' O-term there: the first omitted coefficient is not known, so it is estimated
    /// from the known ones (the last times the largest growth between consecutive ones), with a
    /// factor 10, and never below 100 d^order max(1, |λ|).
    static func agreesWithExactSpectrum(_ s: SeriesSpectrum, at dValue: Double) throws {
        let bits = 256
        let point = try FamilyCatalogue.criticalPoint(of: s.family, at: dValue, precision: bits, confirmation: bits + 64).working
        let exact = try IsotypicSpectrum(point)
        var lists = ["t": exact.trivial, "s": exact.standard, "x": exact.exterior, "y": exact.y]
        for t in exact.twists {
            (lists["t-" + t.irrep], lists["s-" + t.irrep], lists["x-" + t.irrep], lists["y-" + t.irrep]) = (t.trivial, t.standard, t.exterior, t.y)
        }
        for component in s.components {
            let values = lists[component.name]!.map(\.doubleValue)
            for series in component.eigenvalues {
                let v = series.terms.reduce(0.0) { $0 + $1.coefficient.doubleValue * pow(dValue, $1.dExponent.doubleValue) }
                let sizes = series.terms.map { abs($0.coefficient.doubleValue) }.filter { $0 > 0 }
                let growth = zip(sizes.dropFirst(), sizes).map { $0 / $1 }.max() ?? 1
                let next = (sizes.last ?? 1) * max(1, growth)
                let tail = max(100 * max(1, abs(v)), 10 * next) * pow(dValue, series.dOrder!.doubleValue)
                let nearest = values.min { abs($0 - v) < abs($1 - v) }!
                #expect(abs(nearest - v) <= tail, "\(s.family.name) \(component.name): series \(v), exact \(nearest), allowed \(tail)")
            }
        }
    }

    /// Every family of the catalogue, b = 4 included: each eigenvalue series (4 terms) equals the
    /// exact isotypic spectrum (Newton at that d, no series) within its O-term, at d = 1e6 for
    /// b = 2 and 1e10 for b = 4. (At 1e6 a b = 4 series is still far from its O-term: t =
    /// d^(-1/4) = 0.03 while its coefficients grow about 30-fold per order, e.g. p1-m2-I's
    /// 0.68, -2.1, -37, -959; the fifth term is then as large as the fourth.)
    @Test(.enabled(if: Environment.isSlow), arguments: FamilyCatalogue.families.map(\.name))
    func everyFamilyAgreesWithTheExactSpectrum(_ name: String) throws {
        let family = try #require(FamilyCatalogue.named(name))
        try Self.agreesWithExactSpectrum(try Self.spectrum(name, terms: 4, bits: 256), at: family.expectedRamification == 4 ? 1e10 : 1e6)
    }

    /// A family of Δ(S_{d-2} x S_2) (outside the catalogue, given by the type II point that
    /// `critical --isotropy d-2,2 --d 20` finds): its eigenvalue series, the components tensored
    /// with the pair's sign included, equal the exact isotypic spectrum at d = 1e6 (Newton from
    /// the family's series there, the finite-d split: a different computation) within their
    /// O-terms; and the components count the right number of eigenvalues.
    @Test func pairIsotropyAgreesWithTheExactSpectrum() throws {
        let pattern = try IsotropyPattern(smallBlocks: [2], extraRows: 0)
        let family = try FamilyCatalogue.family(from: [1.0048279190208535, -0.0077967765845538507, 0.094594758284470821, 0.064713897631708974, -0.82145616461010659, 0.081850210488623313],
                                                d: 20, pattern: pattern, precision: 192)
        let spectrum = try SeriesSpectrum.compute(family, terms: 3, precision: 192)
        let counts = Dictionary(uniqueKeysWithValues: spectrum.components.map { ($0.name, $0.eigenvalues.count) })
        // Fix(S_{q-2} x S_2) has 6 coordinates (t), Fix(S_{q-2} x S_1 x S_1) 10: 4 more (t-sign).
        #expect(counts["t"] == 6 && counts["t-sign"] == 4, "\(counts)")
        try Self.agreesWithExactSpectrum(spectrum, at: 1e6)
    }

    /// A family of Δ(S_{d-3} x S_3) (the type II minimum `critical --isotropy d-3,3 --d 20`
    /// finds): its series, with the components twisted by the standard and sign representations
    /// of S_3, equal the exact isotypic spectrum at d = 1e6 within their O-terms.
    @Test func tripleIsotropyAgreesWithTheExactSpectrum() throws {
        let pattern = try IsotropyPattern(smallBlocks: [3], extraRows: 0)
        let family = try FamilyCatalogue.family(from: [1.005539877795443308, -0.01250764139026893, 0.095978454484640693, 0.065663109622346318, -0.83147853186374220, 0.082511216442345607],
                                                d: 20, pattern: pattern, precision: 192)
        let spectrum = try SeriesSpectrum.compute(family, terms: 3, precision: 192)
        let names = spectrum.components.map(\.name)
        #expect(names.contains("s-standard") && names.contains("t-sign"), "\(names)")
        try Self.agreesWithExactSpectrum(spectrum, at: 1e6)
    }

    /// A saddle family of Δ(S_{d-2} x S_1 x S_1) (limit (1, 0, 0, 0, 0, 0, 0, 0, -1, 0), one of
    /// those `families --isotropy d-2,1,1 --search` finds): three of its t-eigenvalues share the
    /// leading term d/4 (a cluster of three, `clusterRoots(leading:...)`) and two s-eigenvalues
    /// the constant 1/4 - 1/(2π); every series equals the exact isotypic spectrum at d = 1e6
    /// within its O-term, and the three d/4 branches separate at d^0.
    @Test func clusterOfThreeAgreesWithTheExactSpectrum() throws {
        let pattern = try IsotropyPattern(notation: "d-2,1,1", extraRows: 0)
        let family = try FamilyCatalogue.family(from: [1.0453119964186811,-0.0076660523475480063,0.045432833771873976,0.028330489435148574,0.099430411906416642,0.10310324005840098,0.057152417446623656,-0.1893699108512012,-0.70473155146250394,0.069823781893338158], d: 20, pattern: pattern, precision: 192)
        let spectrum = try SeriesSpectrum.compute(family, terms: 3, precision: 192)
        let t = try #require(spectrum.components.first { $0.name == "t" })
        let quarter = t.eigenvalues.filter { $0.terms.first?.dExponent == .one && abs($0.terms.first!.coefficient.doubleValue - 0.25) < 1e-30 }
        #expect(quarter.count == 3)
        let constants = Set(quarter.map { ($0.terms.first { $0.dExponent == .zero }?.coefficient.doubleValue ?? 0) * 1e6 }.map { $0.rounded() })
        #expect(constants.count == 3, "the three branches separate at d^0: \(constants)")
        try Self.agreesWithExactSpectrum(spectrum, at: 1e6)
    }

    /// The concurrent P/2P computation (`computeConfirmed`, threads) gives bit-identical series
    /// to the same steps run one after the other on this thread.
    @Test func concurrentConfirmationEqualsSequential() throws {
        let family = try #require(FamilyCatalogue.named("p0-m0-I"))
        let (working, confirmation) = try SeriesSpectrum.computeConfirmed(family, terms: 4, precision: 128, confirmation: 256)
        let expansion = try SeriesSpectrum.neededExpansion(family, terms: 4, precision: 128, margin: SeriesSpectrum.familyLengthMargins[0])
        let sequential = try SeriesSpectrum.compute(family, terms: 4, precision: 128, expansion: expansion)
        let lifted = try SeriesSpectrum.compute(family, terms: 4, precision: 256, expansion: try expansion.lifted(toPrecision: 256))
        for (concurrent, alone) in [(working, sequential), (confirmation, lifted)] {
            #expect(concurrent.components.map(\.name) == alone.components.map(\.name))
            for (x, y) in zip(concurrent.components, alone.components) {
                #expect(x.eigenvalues.count == y.eigenvalues.count)
                for (u, v) in zip(x.eigenvalues, y.eigenvalues) {
                    #expect(u.terms.map(\.dExponent) == v.terms.map(\.dExponent))
                    #expect(zip(u.terms, v.terms).allSatisfy { $0.coefficient == $1.coefficient }, "\(x.name): \(u) vs \(v)")
                }
            }
        }
    }

    /// A family series too short for the spectrum is detected (the eigenvalue solve cannot fix
    /// every coefficient from the orders the exact O-terms leave) and lengthened: with the
    /// lengths 3b + 2 (too short for p1-m0-I) then 6b + 2 the result is the one 6b + 2 gives
    /// directly, and 3b + 2 alone fails.
    @Test func shortFamilySeriesIsLengthened() throws {
        let family = try #require(FamilyCatalogue.named("p1-m0-I"))
        #expect(throws: (any Error).self) {
            try SeriesSpectrum.compute(family, terms: 6, precision: 128, expansion: nil, margins: [3])
        }
        let retried = try SeriesSpectrum.compute(family, terms: 6, precision: 128, expansion: nil, margins: [3, 6])
        let direct = try SeriesSpectrum.compute(family, terms: 6, precision: 128, expansion: nil, margins: [6])
        #expect(retried.expansion.terms == direct.expansion.terms)
        for (x, y) in zip(retried.components, direct.components) {
            #expect(x.eigenvalues.count == y.eigenvalues.count)
            for (u, v) in zip(x.eigenvalues, y.eigenvalues) {
                #expect(u.terms.map(\.dExponent) == v.terms.map(\.dExponent), "\(x.name)")
                for (p, q) in zip(u.terms, v.terms) {
                    #expect((p.coefficient - q.coefficient).magnitude.doubleValue <= 1e-30 * max(1, q.coefficient.magnitude.doubleValue), "\(x.name): \(u) vs \(v)")
                }
            }
        }
    }

    /// p = 0, k = d (paper 000, introduction): standard eigenvalues 1/4 - 1/(2 pi), 1/4 and
    /// d/4 + 1/4; Theorem 3: x and y -> 1/4 -+ 1/(2 pi). To 40 digits; the series agree with
    /// the exact spectrum at d = 1e6.
    @Test func typeOneMinimumStandardEigenvalues() throws {
        let bits = 256
        let s = try Self.spectrum("p0-m0-I", terms: 4, bits: bits)
        let pi = BigFloat.pi(precision: bits)
        let quarter = BigFloat(Rational(1, 4), precision: bits)
        let gap = try BigFloat(1, precision: bits) / (BigFloat(2, precision: bits) * pi)
        let standard = s.components[1].eigenvalues
        let leading = standard.map { ($0.leadingDExponent!, $0.terms.first!.coefficient) }
        #expect(leading.count == 3)
        #expect(leading.contains { $0.0 == .zero && Self.close($0.1, quarter - gap, digits: 40) })
        #expect(leading.contains { $0.0 == .zero && Self.close($0.1, quarter, digits: 40) })
        #expect(standard.contains { $0.leadingDExponent == .one && Self.close(Self.coefficient($0, .one), quarter, digits: 40)
                && Self.close(Self.coefficient($0, .zero), quarter, digits: 40) })
        #expect(Self.close(Self.coefficient(s.components[2].eigenvalues[0], .zero), quarter - gap, digits: 60))
        #expect(Self.close(Self.coefficient(s.components[3].eigenvalues[0], .zero), quarter + gap, digits: 60))
        try Self.agreesWithExactSpectrum(s, at: 1e6)
    }

    /// p = 0, k = d + 1 (paper 000, introduction): standard eigenvalues d/4 + 1/2, 1/4 - 1/(2 pi),
    /// 1/4 + (-1 +- sqrt 5)/(4 pi), the last negative (a saddle). To 40 digits.
    @Test(.enabled(if: Environment.isSlow)) func typeOneSaddleStandardEigenvalues() throws {
        let bits = 256
        let s = try Self.spectrum("p0-m1-I", terms: 3, bits: bits)
        let pi = BigFloat.pi(precision: bits)
        let quarter = BigFloat(Rational(1, 4), precision: bits)
        let root5 = try BigFloat.sqrt(BigFloat(5, precision: bits))
        let four = BigFloat(4, precision: bits), one = BigFloat(1, precision: bits)
        let expected = [quarter - (try one / (BigFloat(2, precision: bits) * pi)),
                        quarter + (try (root5 - one) / (four * pi)), quarter - (try (root5 + one) / (four * pi))]
        let constants = s.components[1].eigenvalues.filter { $0.leadingDExponent == .zero }.map { $0.terms.first!.coefficient }
        for value in expected { #expect(constants.contains { Self.close($0, value, digits: 40) }, "\(value)") }
        #expect(expected[2].sign < 0)
        #expect(s.components[1].eigenvalues.contains { $0.leadingDExponent == .one
                && Self.close(Self.coefficient($0, .zero), BigFloat(Rational(1, 2), precision: bits), digits: 40) })
        try Self.agreesWithExactSpectrum(s, at: 1e6)
    }

    /// p = 1, m = 1, type I (b = 4; clusters of two d/4 eigenvalues in t): Theorem 3 of paper
    /// 000, x and y = 1/4 -+ 1/(2 pi) + O(d^(-1/4)), here to 45 digits (the family's series
    /// carries ~55 at 256 bits); every series agrees with the exact spectrum at d = 1e8.
    @Test(.enabled(if: Environment.isSlow)) func degenerateFamilyTheoremThree() throws {
        let bits = 256
        let s = try Self.spectrum("p1-m1-I", terms: 4, bits: bits)
        #expect(s.ramification == 4)
        let pi = BigFloat.pi(precision: bits)
        let quarter = BigFloat(Rational(1, 4), precision: bits)
        let gap = try BigFloat(1, precision: bits) / (BigFloat(2, precision: bits) * pi)
        #expect(Self.close(Self.coefficient(s.components[2].eigenvalues[0], .zero), quarter - gap, digits: 45))
        #expect(Self.close(Self.coefficient(s.components[3].eigenvalues[0], .zero), quarter + gap, digits: 45))
        try Self.agreesWithExactSpectrum(s, at: 1e8)
    }
}

/// Paper 000, section 5.2: for k = d + 2 (p1-m2-II), the Hessian block of the last two rows has
/// a 2 x 2 standard-component block with eigenvalues 0.8060... and -0.1198... (each of
/// multiplicity d - 2) as d -> infinity.
@Suite struct LastRowsBlockTests {
    @Test func paperSectionFiveTwo() throws {
        let family = try #require(FamilyCatalogue.named("p1-m2-II"))
        let e = try SeriesFamilyExpansion.compute(family, terms: 12, precision: 256)
        let (lower, upper) = try SeriesSpectrum.lastRowsStandardBlock(try SeriesSpectrum.Jacobians(e, wholeExterior: true), pattern: family.pattern)
        func constant(_ s: PuiseuxSeries<BigFloat>) -> Double { s.terms.first { $0.dExponent == .zero }?.coefficient.doubleValue ?? .nan }
        // The paper prints 0.8060... and -0.1198... (truncated).
        #expect(constant(upper) >= 0.8060 && constant(upper) < 0.8061, "\(constant(upper))")
        #expect(constant(lower) <= -0.1198 && constant(lower) > -0.1199, "\(constant(lower))")
        // Independent: the explicit model's Hessian (Double) at d = 50, block of the last two rows;
        // the series at d = 50 must match two of its eigenvalues of multiplicity d - 2 = 48.
        let d = 50
        let point = try FamilyCatalogue.criticalPoints(of: family, at: [BigFloat(d, precision: 192)], precision: 192)[0]
        let w = try family.pattern.matrix(point.coordinates.map(\.doubleValue), dimension: d)
        let k = w.count
        let values = try ExplicitModel<Double>(dimension: d).hessianSubmatrix(Matrix(w), rows: [k - 2, k - 1]).symmetricEigenvalues()
        for series in [lower, upper] {
            let v = series.terms.reduce(0.0) { $0 + $1.coefficient.doubleValue * pow(Double(d), $1.dExponent.doubleValue) }
            let close = values.filter { abs($0 - v) < 1e-3 }
            #expect(close.count >= d - 2, "series \(v) at d = \(d): \(close.count) explicit eigenvalues within 1e-3")
        }
    }
}

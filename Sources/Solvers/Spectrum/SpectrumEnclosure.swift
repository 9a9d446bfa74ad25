import Numbers
import Balls
import Series
import Landscape

/// Rigorous enclosures of a family's eigenvalue series (Docs/certified-digits.md, "Certified
/// eigenvalues"), from the family's certified coordinates (`FamilyEnclosure`: ball series whose
/// coefficients above their O-term enclose the true ones).
///
/// - x and y: the traces of the Jacobians on the four fixed-point spaces over those balls
///   (as `SeriesSpectrum.Jacobians.exteriorAndY` combines them): enclosures directly.
/// - t and s: the characteristic polynomials of J_T and of J_S on Fix(S_(q-1) x S_1)/Fix(S_q),
///   computed over the balls (the same Hessenberg reduction as `CharacteristicPolynomial`), and
///   for each eigenvalue the computed series λ̃ = Σ_k c_k t^(v+k) (t = d^(-1/b)) tested by
///   Krawczyk's operator on the truncated root equation p(λ) = 0 (`root`):
///
///       K(X) = λ̃ - p(λ̃)/p'(λ̃) + (p'(λ̃) - p'(X))(X - λ̃)/p'(λ̃),
///
///   series arithmetic on balls, X = λ̃ ± r. For a root whose leading coefficient is a simple
///   root of its Newton polygon edge, p'(λ̃) has the edge's order exactly, so the first N
///   coefficients of p(λ)/p'(λ̃) involve c_0 ... c_(N-1) only (lower triangular, unit
///   diagonal): K(X) inside X proves one true eigenvalue series with those coefficients in
///   the balls. Two eigenvalues with the same leading term (a cluster) make p' vanish there;
///   their quadratic factor is enclosed instead (`cluster`); three or more are refused.
///
/// Assumed as for the family: the family's Puiseux expansion, and the valuation assumption
/// (balls far below the rest of a series that contain 0 are exact cancellations) inside the
/// characteristic polynomials, whose leading terms cancel between products.
public struct SpectrumEnclosure: Sendable {
    public typealias B = PuiseuxSeries<Ball>
    public typealias NotCertified = FamilyEnclosure.NotCertified

    /// In the order of `SeriesSpectrum.components`: per eigenvalue its enclosure, or why not.
    public let components: [(name: String, eigenvalues: [Result<B, NotCertified>])]

    /// The enclosures of `spectrum`'s eigenvalues, the family's series certified first
    /// (`FamilyEnclosure`); a family that is not certified (a degenerate one) gives its reason.
    /// The family is certified to `shortFamilyTerms` first (its Krawczyk test and the
    /// Jacobians cost about the square of the length); when that does not cover every term of
    /// every eigenvalue that a longer one could (`NotCertified.isNotAboutLength`), to the
    /// whole length the spectrum was computed from. A family refused for a structural reason
    /// (a degenerate one) is not tried again at the whole length.
    public static func certify(_ spectrum: SeriesSpectrum) -> Result<SpectrumEnclosure, NotCertified> {
        let family = spectrum.family, solution = spectrum.expansion.solution
        func attempt(_ terms: Int) -> Result<SpectrumEnclosure, NotCertified> {
            Result { () throws(NotCertified) in
                try FamilyEnclosure.certify(solution.counted(toTerms: terms), pattern: family.pattern, limit: family.limit)
            }.map { certify(spectrum, family: $0) }
        }
        let short = shortFamilyTerms(spectrum)
        guard short < solution.terms else { return attempt(solution.terms) }
        switch attempt(short) {
        case .success(let enclosure) where enclosure.coversAsFarAsLengthCan(spectrum): return .success(enclosure)
        // A degenerate family is refused at any length: the whole length would cost the
        // b = 4 spectra 0.2-0.3 s more for the same reason.
        case .failure(let why) where why.isNotAboutLength: return .failure(why)
        default: return attempt(solution.terms)
        }
    }

    /// The family's terms certified first: the eigenvalues' terms and 2b + 6 (the Jacobian
    /// loses up to two powers of d to the coordinates' O-term, and the characteristic
    /// polynomials' low coefficients a few orders more); enough for every catalogue family.
    static func shortFamilyTerms(_ spectrum: SeriesSpectrum) -> Int { spectrum.terms + 2 * spectrum.ramification + 6 }

    /// Whether every eigenvalue is certified to its own O-term, or fails for a reason that a
    /// longer family would not remove.
    func coversAsFarAsLengthCan(_ spectrum: SeriesSpectrum) -> Bool { covers(spectrum, excusing: \.isNotAboutLength) }

    /// Whether every eigenvalue of `spectrum` is certified to its own O-term (every term it
    /// has lies in a ball).
    public func covers(_ spectrum: SeriesSpectrum) -> Bool { covers(spectrum, excusing: { _ in false }) }

    func covers(_ spectrum: SeriesSpectrum, excusing excused: (NotCertified) -> Bool) -> Bool {
        zip(components, spectrum.components).allSatisfy { certified, computed in
            zip(certified.eigenvalues, computed.eigenvalues).allSatisfy { enclosure, series in
                switch enclosure {
                case .success(let ball):
                    guard let known = ball.dOrder else { return true }
                    return series.dOrder.map { known <= $0 } ?? false
                case .failure(let why): return excused(why)
                }
            }
        }
    }

    /// The enclosures of `spectrum`'s eigenvalues at the family's certified coordinates
    /// (`family` certifies the series `spectrum` was computed from).
    public static func certify(_ spectrum: SeriesSpectrum, family: FamilyEnclosure) -> SpectrumEnclosure {
        let coarse = spectrum.family.pattern
        let working = spectrum.expansion.solution.coordinates[0].precision
        let matrices = attempt { try Matrices(family, pattern: coarse, working: working) }
        let polynomials = matrices.flatMap { m in attempt { try m.characteristicPolynomials() } }
        let exterior = matrices.map { $0.exteriorAndY() }
        let components = spectrum.components.map { component -> (name: String, eigenvalues: [Result<B, NotCertified>]) in
            let found = component.eigenvalues
            switch component.name {
            case "x": return (component.name, [exterior.map(\.x)])
            case "y": return (component.name, [exterior.map(\.y)])
            default:
                // t, s and the components twisted by a small block's irreducibles: the roots of
                // their characteristic polynomials.
                let roots = polynomials.map { p -> [Result<B, NotCertified>] in
                    guard let polynomial = p[component.name] else {
                        return found.map { _ in .failure(NotCertified(description: "no characteristic polynomial for the component \(component.name)", isNotAboutLength: true)) }
                    }
                    return eigenvalues(polynomial, found: found, ramification: spectrum.ramification, working: working)
                }
                return (component.name, found.indices.map { e in roots.flatMap { $0[e] } })
            }
        }
        return SpectrumEnclosure(components: components)
    }

    /// `body`'s value, or its error as the reason.
    static func attempt<R>(_ body: () throws -> R) -> Result<R, NotCertified> {
        do { return .success(try body()) } catch let reason as NotCertified { return .failure(reason) } catch {
            return .failure(NotCertified(description: "\(error)"))
        }
    }

    /// The Jacobians over the family's balls (rounded to `spectrumBallPrecision`) on the
    /// fixed-point spaces of `SeriesSpectrum.Jacobians`: whole on Fix(S_q) (T) and
    /// Fix(S_(q-1) x S_1) (T + S), the diagonals on Fix(S_(q-2) x S_2) and Fix(S_(q-2) x S_1 x S_1),
    /// and whole on the spaces of the twisted components.
    struct Matrices {
        let coarse: IsotropyPattern, fine: IsotropyPattern
        let trivial: [[B]], standard: [[B]]
        let yDiagonal: [B], exteriorDiagonal: [B]
        /// With small blocks of size 2 to 6: the whole Jacobian on each space of the components
        /// twisted by a small block's irreducibles (`IsotypicSplit`, as `SeriesSpectrum.Jacobians`).
        let twisted: [(space: IsotypicSplit.Space, jacobian: [[B]])]

        init(_ family: FamilyEnclosure, pattern coarse: IsotropyPattern, working: Int) throws {
            let xi = rounded(family.coordinates, toPrecision: spectrumBallPrecision(working: working))
            let d = B.d(context: xi[0].context)
            let spaces = [coarse, try coarse.splittingBigBlock([1]), try coarse.splittingBigBlock([2]), try coarse.splittingBigBlock([1, 1])]
            let all = try Concurrently.map(Array(spaces.enumerated())) { k, pattern -> [[B]] in
                let at = pattern.dimension == coarse.dimension ? xi : try coarse.embed(xi, into: pattern)
                let model = ReducedLoss(pattern: pattern, d: d)
                guard k < 2 else { return [try model.jacobianDiagonal(at, parallel: true)] }
                let j = try model.fieldAndJacobian(at, parallel: true).jacobian
                return (0..<at.count).map { r in (0..<at.count).map { j[r, $0] } }
            }
            (self.coarse, fine) = (coarse, spaces[1])
            (trivial, standard, yDiagonal, exteriorDiagonal) = (all[0], all[1], all[2][0], all[3][0])
            twisted = try SeriesSpectrum.Jacobians.twisted(at: xi, coarse: coarse, d: d)
        }

        /// The characteristic polynomials by component: t (J_T), s (J_S on
        /// Fix(S_(q-1) x S_1)/Fix(S_q)) and each twisted component (its Jacobian modulo the span
        /// of the components it contains, as `SeriesSpectrum.spectrum` takes them).
        func characteristicPolynomials() throws -> [String: [B]] {
            func certainlyNonzero(_ entry: B) -> String? { entry.coefficients.first { !$0.containsZero }.map { "a certainly nonzero term \($0)" } }
            func polynomial(_ m: [[B]]) throws -> [B] {
                try CharacteristicPolynomial.hessenbergCoefficients(m, size: { $0.midpoint.magnitude }, cleaned: { $0 })
            }
            let block = try SeriesSpectrum.quotientBlock(standard, span: try SeriesSpectrum.embeddedBasis(coarse, into: fine), independent: true, nonzero: certainlyNonzero)
            var polynomials = ["t": try polynomial(trivial), "s": try polynomial(block)]
            for (space, jacobian) in twisted {
                let quotient = try SeriesSpectrum.quotientBlock(jacobian, span: space.span, independent: false, nonzero: certainlyNonzero)
                if !quotient.isEmpty { polynomials[space.name] = try polynomial(quotient) }
            }
            return polynomials
        }

        /// λ_x and λ_y from the four traces (`SeriesSpectrum.Jacobians.exteriorAndY`).
        func exteriorAndY() -> (x: B, y: B) {
            func sum(_ s: [B]) -> B { s.dropFirst().reduce(s[0], +) }
            return SeriesSpectrum.Jacobians.exteriorAndY(trivial: sum(trivial.indices.map { trivial[$0][$0] }), standard: sum(standard.indices.map { standard[$0][$0] }),
                                                         y: sum(yDiagonal), exterior: sum(exteriorDiagonal))
        }
    }

    /// The balls' precision of the characteristic polynomials and their roots for a spectrum
    /// computed at P bits: 2P. The family's enclosure (at 4P bits, `FamilyEnclosure`) rounded
    /// there has radii about 2^-2P of its terms, still 2^(3P/2) below the valuation
    /// assumption's threshold (P/2 bits below), and the arithmetic costs half as much.
    static func spectrumBallPrecision(working bits: Int) -> Int { 2 * bits }

    /// `series` with every ball rounded to `bits` (`Ball.rounded(toPrecision:)`).
    static func rounded(_ series: [B], toPrecision bits: Int) -> [B] {
        guard let first = series.first, first.precision > bits else { return series }
        var context = first.context
        context.precision = bits
        return series.map { $0.mapCoefficients(context: context) { $0.rounded(toPrecision: bits) } }
    }

    /// p(x) and p'(x) by Horner (coefficients low to high).
    static func valueAndDerivative(_ p: [B], at x: B) -> (value: B, slope: B) {
        var value = p[p.count - 1]
        var slope = x.constant(0)
        for i in stride(from: p.count - 2, through: 0, by: -1) {
            slope = slope * x + value
            value = value * x + p[i]
        }
        return (value, slope)
    }

    /// The enclosures of one component's eigenvalues (`found`, ascending for large d) as roots
    /// of p: each simple one by `root`, each pair with the same leading term by `cluster`;
    /// three or more with one leading term are refused.
    static func eigenvalues(_ p: [B], found: [PuiseuxSeries<BigFloat>], ramification b: Int, working: Int) -> [Result<B, NotCertified>] {
        var results = [Result<B, NotCertified>?](repeating: nil, count: found.count)
        for e in found.indices where results[e] == nil {
            let others = found.indices.filter { $0 != e }
            let mates = ((try? clusterMates(of: found[e], among: others.map { found[$0] }, working: working)) ?? []).map { others[$0] }
            switch mates.count {
            case 0:
                results[e] = attempt { try root(p, approximation: found[e], siblings: others.map { found[$0] }, ramification: b, working: working) }
            case 1:
                let (low, high) = (min(e, mates[0]), max(e, mates[0]))
                let pair = attempt { try cluster(p, pair: (found[low], found[high]), ramification: b) }
                (results[low], results[high]) = (pair.map(\.lower), pair.map(\.upper))
            default:
                results[e] = .failure(NotCertified(description: NotCertified.cluster, isNotAboutLength: true))
            }
        }
        return results.map { $0! }
    }

    /// The enclosure of the eigenvalue computed as `approximation` (working precision, with its
    /// O-term): in λ = d^γ η (γ its leading exponent), the Krawczyk test (`SeriesKrawczyk`) on
    /// η's first N coefficients, N the terms it has, with the equation p(d^γ η) = 0 and the
    /// Jacobian p'(d^γ η) d^γ. `siblings`: the component's other eigenvalues (a cluster is
    /// refused by name; `cluster` encloses it).
    static func root(_ p: [B], approximation: PuiseuxSeries<BigFloat>, siblings: [PuiseuxSeries<BigFloat>], ramification b: Int, working: Int) throws -> B {
        guard let gamma = approximation.leadingDExponent else { throw NotCertified(description: "the eigenvalue has no known term") }
        if try !clusterMates(of: approximation, among: siblings, working: working).isEmpty {
            throw NotCertified(description: "another eigenvalue has the same leading term: a cluster (`cluster` encloses a pair)")
        }
        let frame = try Frame(p, leading: [gamma], ramification: b)
        let center = try [frame.coefficients(approximation, dividedBy: gamma)]
        func jacobian(_ eta: [[Ball]]) -> [[B]] {
            [[valueAndDerivative(p, at: frame.scales[0] * frame.series(eta[0])).slope * frame.scales[0]]]
        }
        let j = jacobian(center)
        guard let dominant = j[0][0].leadingDExponent, j[0][0].coefficients[0].isCertainlyNonzero else {
            throw NotCertified(description: "p' has no certainly nonzero leading term at the eigenvalue (a multiple root at leading order)")
        }
        // p(λ̃) has no term above p'(λ̃) λ̃'s order (the Newton polygon's edge); balls there must contain 0.
        let field = try BallSystem.cut(valueAndDerivative(p, at: frame.scales[0] * frame.series(center[0])).value, above: dominant, row: 0)
        let enclosure = try frame.krawczyk(center: center, jacobian: j, field: [field], overBox: jacobian)
        return frame.scales[0] * enclosure[0]
    }

    /// The component's eigenvalues whose leading term equals `lambda`'s to 2^(-P/2) relative.
    static func clusterMates(of lambda: PuiseuxSeries<BigFloat>, among others: [PuiseuxSeries<BigFloat>], working: Int) throws -> [Int] {
        guard let gamma = lambda.leadingDExponent else { return [] }
        let lead = lambda.coefficients[0]
        let close = try BigFloat.pow(BigFloat(2, precision: 64), Rational(-working / 2))
        return others.indices.filter { others[$0].leadingDExponent == gamma && (others[$0].coefficients[0] - lead).magnitude <= lead.magnitude * close }
    }

    /// The enclosures of a cluster of two eigenvalues (the same leading term z d^γ; `pair`
    /// asymptotically lower first) through their quadratic factor Q = λ^2 - e_1 λ + e_2 of p:
    /// with e_1 = d^γ η_1, e_2 = d^(2γ) η_2, the Krawczyk test on η's first N coefficients with
    /// the equations r_0 = 0, d^γ r_1 = 0 (r_1 λ + r_0 = p mod Q, Bairstow's). Q and the
    /// cofactor p/Q have no leading root in common (the pair's leading term is a double root of
    /// its edge polynomial, the other roots differ), so the system is triangular after the
    /// elimination. The two roots then follow from (e_1 -+ sqrt(e_1^2 - 4 e_2))/2 over the balls,
    /// whose leading terms cancel exactly up to where the pair splits (the valuation
    /// assumption); the discriminant's first remaining term must be certainly positive.
    static func cluster(_ p: [B], pair: (PuiseuxSeries<BigFloat>, PuiseuxSeries<BigFloat>), ramification b: Int) throws -> (lower: B, upper: B) {
        guard let gamma = pair.0.leadingDExponent else { throw NotCertified(description: "the eigenvalue has no known term") }
        let frame = try Frame(p, leading: [gamma, gamma + gamma], ramification: b)
        typealias D = Dual<B>
        func remainder(_ eta: [[Ball]]) -> [D] {
            let e1 = D(frame.scales[0]) * D.variable(frame.series(eta[0]), index: 0, count: 2)
            let e2 = D(frame.scales[1]) * D.variable(frame.series(eta[1]), index: 1, count: 2)
            // λ^i = λ^(i-2) (e_1 λ - e_2) mod Q, from the top.
            var c = p.map { D($0) }
            for i in stride(from: c.count - 1, through: 2, by: -1) {
                c[i - 1] = c[i - 1] + c[i] * e1
                c[i - 2] = c[i - 2] - c[i] * e2
            }
            return [c[0], c[1] * D(frame.scales[0])]
        }
        func jacobian(_ eta: [[Ball]]) -> [[B]] { remainder(eta).map { r in [r.partial(0), r.partial(1)] } }
        /// The Jacobian and the equations (each cut above its row's dominant monomial) at η.
        func system(_ eta: [[Ball]]) throws -> (jacobian: [[B]], field: [B]) {
            let r = remainder(eta)
            let j = r.map { [$0.partial(0), $0.partial(1)] }
            return (j, try (0..<2).map { row -> B in
                guard let dominant = j[row].compactMap(\.leadingDExponent).max() else {
                    throw NotCertified(description: "the cluster's factor equations have no known Jacobian term")
                }
                return try BallSystem.cut(r[row].value, above: dominant, row: row)
            })
        }
        // The roots lose the orders between the pair's leading term and its split (the square
        // root of the discriminant): the factor is solved that many powers of t further than the
        // computed roots, its new coefficients from 0 by Newton steps on the midpoints (the
        // system is triangular: each step fixes the next orders), then tested.
        var center = [try frame.coefficients(pair.0 + pair.1, dividedBy: gamma), try frame.coefficients(pair.0 * pair.1, dividedBy: gamma + gamma)]
        let split = (pair.1 - pair.0).leadingDExponent ?? gamma
        let extra = try tExponent(split - gamma, ramification: b)
        let zero = Ball(0, precision: frame.bits)
        center = center.map { $0 + Array(repeating: zero, count: extra) }
        for _ in 0..<(extra > 0 ? 3 : 0) {
            let (j, field) = try system(center)
            let step = try SeriesLinearSystem.solve(j, field)
            center = (0..<2).map { k in
                center[k].indices.map { l in
                    let c = step[k].terms.first { $0.dExponent == Rational(-l, b) }?.coefficient ?? zero
                    return Ball(exactly: (center[k][l] - c).midpoint, precision: frame.bits)
                }
            }
        }
        let (j, field) = try system(center)
        let enclosure = try frame.krawczyk(center: center, jacobian: j, field: field, overBox: jacobian)
        // Back in p's context (the valuation assumption): e_1^2 - 4 e_2 cancels exactly where the pair agrees.
        let context = p[0].context
        let (e1, e2) = (frame.scales[0] * enclosure[0], frame.scales[1] * enclosure[1])
        let sum = e1.withContext(context)
        let discriminant = sum * sum - e2.withContext(context).scaled(by: Ball(4, precision: frame.bits))
        guard let first = discriminant.coefficients.first, first.certainSign == 1 else {
            throw NotCertified(description: "the cluster's discriminant has no certainly positive leading term")
        }
        let root = try B.sqrt(discriminant)
        let half = Ball(Rational(1, 2), precision: frame.bits)
        return ((sum - root).scaled(by: half), (sum + root).scaled(by: half))
    }

    /// The unknowns' frame shared by `root` and `cluster`: series η_k with d^(γ_k) η_k the
    /// quantity sought, their first N coefficients in t = d^(-1/b) the unknowns, p's balls.
    struct Frame {
        let ramification: Int
        let bits: Int
        /// The context without the valuation assumption: residuals and boxes keep every ball.
        let plain: SeriesContext
        /// d^(γ_k), exact.
        let scales: [B]

        init(_ p: [B], leading: [Rational], ramification b: Int) throws {
            ramification = b
            bits = p[0].precision
            var context = p[0].context
            context.zeroLeadingBallsBelowBits = nil
            plain = context
            scales = leading.map { B.monomial(Ball(1, precision: p[0].precision), dExponent: $0, context: context) }
        }

        /// Σ_l c_l t^l, exact, every ball kept.
        func series(_ c: [Ball]) -> B { B(ramification: ramification, valuation: 0, coefficients: c, order: nil, context: plain) }

        /// The coefficients of t^0 ... of s d^(-γ) up to its O-term, as exact balls.
        func coefficients(_ s: PuiseuxSeries<BigFloat>, dividedBy gamma: Rational) throws -> [Ball] {
            guard let end = s.dOrder else { throw NotCertified(description: "the eigenvalue series has no O-term") }
            let count = try tExponent(end - gamma, ramification: ramification)
            guard count >= 1 else { throw NotCertified(description: "the eigenvalue has no known term") }
            return (0..<count).map { k in
                let e = gamma - Rational(k, ramification)
                return Ball(exactly: s.terms.first { $0.dExponent == e }?.coefficient ?? BigFloat(0, precision: s.precision), precision: bits)
            }
        }

        /// `SeriesKrawczyk` on as many coefficients as the Newton step is known to; each
        /// result an η series with that O-term.
        func krawczyk(center: [[Ball]], jacobian: [[B]], field: [B], overBox: ([[Ball]]) throws -> [[B]]) throws -> [B] {
            let step = try SeriesLinearSystem.solve(jacobian, field)
            let count = center.map(\.count).min()!
            let known = step.map { s in s.dOrder.map { (try? tExponent($0, ramification: ramification)) ?? 0 } ?? count }.min()!
            let test = SeriesKrawczyk(ramification: ramification, unknowns: min(count, known), bits: bits)
            guard test.unknowns >= 1 else { throw NotCertified(description: "the characteristic polynomial is not known far enough for the leading term") }
            do {
                let enclosure = try test.enclose(center: center.map { Array($0.prefix(test.unknowns)) }, jacobian: jacobian, step: step, overBox: overBox,
                                                 width: series, plain: { $0.withContext(plain) })
                return enclosure.map { B(ramification: ramification, valuation: 0, coefficients: $0, order: test.unknowns, context: plain) }
            } catch let failure as SeriesKrawczyk.Failure {
                throw NotCertified(description: failure.reason)
            }
        }
    }

    /// k with e = -k/b.
    static func tExponent(_ e: Rational, ramification b: Int) throws -> Int {
        guard let (p, q) = (-e * Rational(b)).intComponents, q == 1 else {
            throw NotCertified(description: "the exponent \(e) is not a multiple of 1/\(b)")
        }
        return p
    }
}

extension FamilyEnclosure.NotCertified {
    static let cluster = "a cluster: three or more eigenvalues with the same leading term are not certified yet"
}

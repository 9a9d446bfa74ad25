import Numbers
import Balls
import Series
import Landscape

/// Rigorous enclosures of a family's eigenvalue series (Docs/certified-digits.md, "Certified
/// eigenvalues"), from the family's certified coordinates (`FamilyEnclosure`: ball series whose
/// coefficients above their O-term enclose the true ones).
///
/// - x and y: the traces of the Jacobians on the four fixed-point spaces over those balls
///   (`FamilyEnclosure.exteriorAndY`): enclosures directly.
/// - t and s: the characteristic polynomials of J_T and of J_S on Fix(S_(q-1) x S_1)/Fix(S_q),
///   computed over the balls (the same Hessenberg reduction as `CharacteristicPolynomial`), and
///   for each eigenvalue the computed series λ̃ = Σ_k c_k t^(v+k) (t = d^(-1/b)) tested by
///   Krawczyk's operator on the truncated root equation p(λ) = 0:
///
///       K(X) = λ̃ - p(λ̃)/p'(λ̃) + (p'(λ̃) - p'(X))(X - λ̃)/p'(λ̃),
///
///   series arithmetic on balls, X = λ̃ ± r. For a root whose leading coefficient is a simple
///   root of its Newton polygon edge, p'(λ̃) has the edge's order exactly, so the first N
///   coefficients of p(λ)/p'(λ̃) involve c_0 ... c_(N-1) only (lower triangular, unit
///   diagonal): K(X) inside X proves one true eigenvalue series with those coefficients in
///   the balls. Two eigenvalues with the same leading term (a cluster) make p' vanish there:
///   not certified (said).
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
    /// every eigenvalue that a longer one could (a cluster is not a matter of length), to the
    /// whole length the spectrum was computed from.
    public static func certify(_ spectrum: SeriesSpectrum) -> Result<SpectrumEnclosure, NotCertified> {
        let family = spectrum.family, solution = spectrum.expansion.solution
        func attempt(_ terms: Int) -> Result<SpectrumEnclosure, NotCertified> {
            Result { () throws(NotCertified) in
                try FamilyEnclosure.certify(solution.counted(toTerms: terms), pattern: family.pattern, limit: family.limit)
            }.map { certify(spectrum, family: $0) }
        }
        let short = shortFamilyTerms(spectrum)
        if short < solution.terms, case .success(let enclosure) = attempt(short), enclosure.coversAsFarAsLengthCan(spectrum) {
            return .success(enclosure)
        }
        return attempt(solution.terms)
    }

    /// The family's terms certified first: the eigenvalues' terms and 2b + 6 (the Jacobian
    /// loses up to two powers of d to the coordinates' O-term, and the characteristic
    /// polynomials' low coefficients a few orders more); enough for every catalogue family.
    static func shortFamilyTerms(_ spectrum: SeriesSpectrum) -> Int { spectrum.terms + 2 * spectrum.ramification + 6 }

    /// Whether every eigenvalue is certified to its own O-term, or fails for a reason that a
    /// longer family would not remove (a cluster).
    func coversAsFarAsLengthCan(_ spectrum: SeriesSpectrum) -> Bool {
        zip(components, spectrum.components).allSatisfy { certified, computed in
            zip(certified.eigenvalues, computed.eigenvalues).allSatisfy { enclosure, series in
                switch enclosure {
                case .success(let ball):
                    guard let known = ball.dOrder else { return true }
                    return series.dOrder.map { known <= $0 } ?? false
                case .failure(let why): return why.isNotAboutLength
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
            case "t", "s":
                return (component.name, found.indices.map { e in
                    polynomials.flatMap { p in
                        attempt {
                            try root(component.name == "t" ? p.t : p.s, approximation: found[e],
                                     siblings: found.indices.filter { $0 != e }.map { found[$0] }, ramification: spectrum.ramification, working: working)
                        }
                    }
                })
            default:
                return (component.name, found.map { _ in .failure(NotCertified(description: NotCertified.twisted)) })
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

    /// The Jacobians over the family's balls (rounded to `spectrumBallPrecision`) on the four
    /// fixed-point spaces of `SeriesSpectrum.Jacobians`: whole on Fix(S_q) (T) and
    /// Fix(S_(q-1) x S_1) (T + S), the diagonals on Fix(S_(q-2) x S_2) and Fix(S_(q-2) x S_1 x S_1).
    struct Matrices {
        let coarse: IsotropyPattern, fine: IsotropyPattern
        let trivial: [[B]], standard: [[B]]
        let yDiagonal: [B], exteriorDiagonal: [B]

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
        }

        /// The characteristic polynomials of J_T and of J_S on Fix(S_(q-1) x S_1)/Fix(S_q).
        func characteristicPolynomials() throws -> (t: [B], s: [B]) {
            let block = try SeriesSpectrum.quotientBlock(standard, span: try SeriesSpectrum.embeddedBasis(coarse, into: fine), independent: true) { entry in
                entry.coefficients.first { !$0.containsZero }.map { "a certainly nonzero term \($0)" }
            }
            func polynomial(_ m: [[B]]) throws -> [B] {
                try CharacteristicPolynomial.hessenbergCoefficients(m, size: { $0.midpoint.magnitude }, cleaned: { $0 })
            }
            return (try polynomial(trivial), try polynomial(block))
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

    /// The enclosure of the eigenvalue computed as `approximation` (working precision, with its
    /// O-term): the Krawczyk test on its first N coefficients in t = d^(-1/b), N the terms it
    /// has. `siblings`: the component's other eigenvalues (a cluster is refused by name).
    static func root(_ p: [B], approximation: PuiseuxSeries<BigFloat>, siblings: [PuiseuxSeries<BigFloat>], ramification b: Int, working: Int) throws -> B {
        guard let gamma = approximation.leadingDExponent, let end = approximation.dOrder else {
            throw NotCertified(description: "the eigenvalue has no known term")
        }
        let lead = approximation.coefficients[0]
        let close = try BigFloat.pow(BigFloat(2, precision: 64), Rational(-working / 2))
        if siblings.contains(where: { $0.leadingDExponent == gamma && ($0.coefficients[0] - lead).magnitude <= lead.magnitude * close }) {
            throw NotCertified(description: NotCertified.cluster)
        }
        let bits = p[0].precision
        var plain = p[0].context
        plain.zeroLeadingBallsBelowBits = nil
        let v = try tExponent(gamma, ramification: b)
        let count = try tExponent(end, ramification: b) - v
        guard count >= 1 else { throw NotCertified(description: "the eigenvalue has no known term") }
        let center = (0..<count).map { k -> Ball in
            let e = Rational(-(v + k), b)
            return Ball(exactly: approximation.terms.first { $0.dExponent == e }?.coefficient ?? BigFloat(0, precision: working), precision: bits)
        }
        func series(_ c: [Ball]) -> B { B(ramification: b, valuation: v, coefficients: c, order: nil, context: plain) }
        let lambda = series(center)
        let (field, jacobian) = valueAndDerivative(p, at: lambda)
        guard let dominant = jacobian.leadingDExponent, jacobian.coefficients[0].isCertainlyNonzero else {
            throw NotCertified(description: "p' has no certainly nonzero leading term at the eigenvalue (a multiple root at leading order)")
        }
        // p(λ̃) has no term above p'(λ̃) λ̃'s order (the Newton polygon's edge); balls there must contain 0.
        let residual = try BallSystem.cut(field, above: dominant + gamma, row: 0)
        let step = try residual / jacobian
        func coefficient(_ s: B, _ k: Int) -> Ball { s.terms.first { $0.dExponent == Rational(-(v + k), b) }?.coefficient ?? Ball(0, precision: bits) }
        func knownTerms(_ s: B) -> Int { s.dOrder.map { (try? tExponent($0, ramification: b)).map { $0 - v } ?? 0 } ?? count }
        var unknowns = min(count, knownTerms(step))
        guard unknowns >= 1 else { throw NotCertified(description: "the characteristic polynomial is not known far enough for the leading term") }
        // ε-inflation as for the family (`FamilyEnclosure.krawczyk`).
        let floor = try BigFloat.pow(BigFloat(2, precision: 64), Rational(16 - bits))
        let tiny = try BigFloat.pow(BigFloat(2, precision: 64), Rational(-4 * bits))
        let four = BigFloat(4, precision: 64), two = BigFloat(2, precision: 64)
        let zero = Ball(0, precision: bits)
        var radii = (0..<count).map { k in (coefficient(step, k).distanceBound(to: zero) + floor * BigFloat(center[k].midpoint.magnitude, precision: 64) + tiny) * four }
        for _ in 0..<6 {
            let width = series((0..<unknowns).map { Ball(midpoint: BigFloat(0, precision: bits), radius: radii[$0], precision: bits) })
            let (_, overBox) = valueAndDerivative(p, at: lambda + width)
            let correction = try ((jacobian - overBox) * width) / jacobian
            unknowns = min(unknowns, knownTerms(correction))
            guard unknowns >= 1 else { break }
            var inside = true
            var enclosure = [Ball]()
            for k in 0..<unknowns {
                let value = center[k] - coefficient(step, k) + coefficient(correction, k)
                enclosure.append(value)
                let distance = value.distanceBound(to: center[k])
                if !(distance < radii[k]) {
                    inside = false
                    radii[k] = max(radii[k] * two, distance * four)
                }
            }
            if inside {
                return B(ramification: b, valuation: v, coefficients: enclosure, order: v + unknowns, context: plain)
            }
        }
        throw NotCertified(description: "the Krawczyk test on the eigenvalue's coefficients did not contract")
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
    static let cluster = "a cluster: another eigenvalue has the same leading term; clusters are not certified yet"
    static let twisted = "the components twisted by a small block's irreducibles are not certified yet"
    /// A reason that no length of the family's series removes.
    var isNotAboutLength: Bool { description == Self.cluster || description == Self.twisted }
}

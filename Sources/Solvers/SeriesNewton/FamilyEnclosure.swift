#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Balls
import Series
import Landscape

/// Rigorous enclosures of a family's coefficients: a Krawczyk test on the truncated
/// coefficient system, run in the series ring over balls (Docs/certified-digits.md, "Certified
/// family coefficients").
///
/// In the variables of `SeriesFamilySolver`, ξ_k = c_k + t^(s_k) η_k (t = d^(-1/b), s_k = b e_k),
/// the unknowns are the first N coefficients of every η_k and the equations the first N
/// coefficients of each row of F_d divided by the dominant monomial of its Jacobian row. When
/// that row-normalised Jacobian Ĵ is invertible at t = 0 (a regular family), the system is
/// block lower-triangular Toeplitz: its first N equations involve the first N unknowns only, so
/// the family's true coefficients are a root of this finite system, not an approximation of
/// one. With ã the computed coefficients, Y = Ĵ(ã)^(-1) and X = ã ± r, Krawczyk's operator
///
///     K(X) = ã - Y F(ã) + Y (Ĵ(ã) - Ĵ(X)) (X - ã)
///
/// is evaluated with every product Ĵ v a series product and every Y v a series solve, all on
/// ball coefficients. K(X) inside the interior of X proves exactly one root in X, and K(X)
/// encloses it. Assumed, not proved here: that the family has a Puiseux expansion with the
/// leading exponents e_k and ramification b the solver used (the papers' statement).
public struct FamilyEnclosure: Sendable {
    public typealias B = PuiseuxSeries<Ball>
    public let ramification: Int
    /// ξ_k with its O-term: every coefficient above it an enclosure of the true one.
    public let coordinates: [B]
    /// The loss at the enclosed coordinates, with its O-term.
    public let loss: B
    /// The η coefficients each coordinate's enclosure covers (N).
    public let unknownsPerCoordinate: Int

    /// Why a family could not be certified; the caller reports it and prints uncertified digits.
    public struct NotCertified: Error, CustomStringConvertible, Sendable {
        public let description: String
        /// Whether the reason is structural, so that no longer series removes it (a
        /// degenerate family's singular Jacobian; a cluster of three; a twisted component):
        /// a caller that would retry with more terms does not.
        public let isNotAboutLength: Bool
        public init(description: String, isNotAboutLength: Bool = false) {
            self.description = description
            self.isNotAboutLength = isNotAboutLength
        }
    }

    /// The first `count` coefficients (t^0 ... t^(count-1)) of coordinate k, nil where not
    /// enclosed (beyond the O-term).
    public func coordinateCoefficients(_ k: Int, count: Int) -> [Ball?] { Self.coefficients(coordinates[k], count: count, ramification: ramification) }
    public func lossCoefficients(count: Int) -> [Ball?] { Self.coefficients(loss, count: count, ramification: ramification) }

    static func coefficients(_ s: B, count: Int, ramification b: Int) -> [Ball?] {
        (0..<count).map { j in
            let e = Rational(-j, b)
            if let o = s.dOrder, e <= o { return nil }
            return s.terms.first { $0.dExponent == e }?.coefficient ?? Ball(0, precision: s.precision)
        }
    }

    /// The balls' precision for a solution computed at P bits: 4P. Its residual (about 2^-P of
    /// F_d's pieces) is then a certainly nonzero ball, 2^P above the valuation assumption's
    /// threshold 2^(-2P), while the exact cancellations come out near 2^(-4P), far below it
    /// (Docs/certified-digits.md, "Why 4P bits"; 3P certifies the same families in the same
    /// time, with less room on both sides).
    public static func ballPrecision(working bits: Int) -> Int { 4 * bits }

    /// Certifies `solution` (computed at its own precision). Throws `NotCertified` with the
    /// reason when the test fails (a degenerate family, a box that does not contract).
    public static func certify(_ solution: FamilySeries, pattern: IsotropyPattern, limit: [Rational]) throws(NotCertified) -> FamilyEnclosure {
        do {
            return try krawczyk(solution, pattern: pattern, limit: limit)
        } catch let error as NotCertified {
            throw error
        } catch {
            // The model on balls stops where it cannot decide (a degenerate family's kernel
            // directions, a branch whose sign stays unknown): said, never guessed.
            throw NotCertified(description: "\(error)")
        }
    }

    static func krawczyk(_ solution: FamilySeries, pattern: IsotropyPattern, limit: [Rational]) throws -> FamilyEnclosure {
        let trace = getenv("PUISEUX_TRACE") != nil
        let b = solution.ramification, n = pattern.dimension
        let bits = ballPrecision(working: solution.coordinates[0].precision)
        let shifts = try solution.leadingExponents.map { e -> Int in
            guard let (p, q) = (e * Rational(b)).intComponents, q == 1, p > 0 else {
                throw NotCertified(description: "a leading exponent \(e) is not a positive multiple of 1/\(b)")
            }
            return p
        }
        let unknowns = solution.terms - shifts.max()!
        guard unknowns >= 1 else { throw NotCertified(description: "the series is too short to certify") }
        let eta = solution.eta(limit: limit).map { Array($0.prefix(unknowns)) }
        var failure = "the Krawczyk test did not contract"
        // Context: the solver's (F_d's d^2 pieces cancel 2b orders), longer if the Newton step
        // is not known to the N orders; inflation: the box grows until it contracts or is
        // hopeless.
        for margin in [2 * b, 4 * b, 8 * b] {
            let context = SeriesContext(precision: bits, relativeTerms: solution.terms + margin)
            let system = BallSystem(pattern: pattern, limit: limit, shifts: shifts, ramification: b, context: context, working: solution.coordinates[0].precision)
            let center = eta.map { $0.map { Ball(exactly: $0, precision: bits) } }
            let (jacobian, field): ([[B]], [B])
            do {
                jacobian = try system.jacobian(center)
                field = try system.field(center, jacobian: jacobian)
            } catch let error as ComputationError {
                throw NotCertified(description: "the model on balls at the computed coefficients: \(error)")
            }
            // The residual and every combination of it stay plain (each ball kept): they are
            // small, not exactly 0, so the valuation assumption must not touch them.
            let step: [B]
            do { step = try SeriesLinearSystem.solve(jacobian, field.map(system.plain)) } catch let error as ComputationError {
                throw NotCertified(description: "the Jacobian in η is singular at leading order, a degenerate family whose truncated coefficient system is not triangular (\(error))",
                                   isNotAboutLength: true)
            }
            let test = SeriesKrawczyk(ramification: b, unknowns: unknowns, bits: bits)
            guard step.allSatisfy(test.known) else {
                failure = "the Newton step is not known to t^\(unknowns) with \(margin) context terms"
                continue
            }
            do {
                let enclosure = try test.enclose(center: center, jacobian: jacobian, step: step, overBox: { box in
                    do { return try system.jacobian(box, center: jacobian) } catch let error as ComputationError {
                        throw NotCertified(description: "the Jacobian over the Krawczyk box: a branch of the model is not decided by balls of the box's width (\(error))")
                    }
                }, width: system.series, plain: system.plain)
                return try FamilyEnclosure(system: system, enclosure: enclosure, unknowns: unknowns, ramification: b)
            } catch let stop as SeriesKrawczyk.Failure {
                failure = stop.reason
                if trace { print("krawczyk with \(margin) context terms: \(stop.reason)") }
            }
        }
        throw NotCertified(description: failure)
    }

    init(system: BallSystem, enclosure: [[Ball]], unknowns: Int, ramification b: Int) throws {
        // η_k = enclosure + O(t^N): ξ and the loss carry that O-term through the series arithmetic.
        let order = Rational(unknowns, b)
        // The enclosure is a box too (its width about 2^-2P): the box's threshold.
        let eta = enclosure.map { system.box.series($0).addingBigO(dExponent: -order) }
        let xi = system.box.xi(eta)
        ramification = b
        coordinates = xi
        loss = try system.box.model.loss(xi)
        unknownsPerCoordinate = unknowns
    }

    /// The eigenvalues of the Hessian's x and y components (MATH.md section 4: from the traces
    /// of the Jacobians on the fixed-point spaces T, T + S, T + S + Y and T + 2S + X + Y, as
    /// `SeriesSpectrum.Jacobians.exteriorAndY` computes them) at the enclosed coordinates: ball
    /// series whose coefficients above the O-term enclose the true ones (Theorem 3 of paper 000
    /// is about their constant terms).
    public func exteriorAndY(pattern coarse: IsotropyPattern) throws -> (x: B, y: B) {
        let context = coordinates[0].context
        let d = B.d(context: context)
        func trace(_ fine: IsotropyPattern) throws -> B {
            let at = fine.dimension == coarse.dimension ? coordinates : try coarse.embed(coordinates, into: fine)
            let diagonal = try ReducedLoss(pattern: fine, d: d).jacobianDiagonal(at, parallel: true)
            return diagonal.dropFirst().reduce(diagonal[0], +)
        }
        return SeriesSpectrum.Jacobians.exteriorAndY(
            trivial: try trace(coarse), standard: try trace(try coarse.splittingBigBlock([1])),
            y: try trace(try coarse.splittingBigBlock([2])), exterior: try trace(try coarse.splittingBigBlock([1, 1])))
    }
}

/// F_d and its Jacobian in η on ball series, ξ_k = c_k + t^(s_k) η_k, under the valuation
/// assumption (`SeriesContext.zeroLeadingBallsBelowBits`). At the centre its threshold, 2P bits
/// below, drops only exact cancellations (about 2^-4P at 4P bits) and keeps the residual (about
/// 2^-P), which then stays plain; over the box, P/2 bits below, it drops the cancellations
/// that carry the box's width. Each row of F_d is cut above the dominant monomial of its
/// Jacobian row (F_d's d^2 pieces cancel there exactly; a certainly nonzero coefficient there
/// is an error), each entry of the box's Jacobian above the centre's leading term.
struct BallSystem {
    typealias B = PuiseuxSeries<Ball>
    /// No assumption (the residual); the assumption at 2P bits below (the centre: only exact
    /// cancellations, about 2^-4P, are that small); at P/2 bits below (over the box, whose width,
    /// about 2^-P, every cancellation there carries).
    let plainContext: SeriesContext
    let assuming: Variables, box: Variables
    let ramification: Int

    struct Variables {
        let model: ReducedLoss<B>
        let limits: [B]
        let scales: [B]
        let ramification: Int
        let context: SeriesContext

        init(pattern: IsotropyPattern, limit: [Rational], shifts: [Int], ramification b: Int, context: SeriesContext) {
            let bits = context.precision
            model = ReducedLoss(pattern: pattern, d: B.d(context: context))
            limits = limit.map { B(constant: Ball($0, precision: bits), context: context) }
            scales = shifts.map { B.monomial(Ball(1, precision: bits), dExponent: Rational(-$0, b), context: context) }
            ramification = b
            self.context = context
        }

        func series(_ coefficients: [Ball]) -> B {
            B(ramification: ramification, valuation: 0, coefficients: coefficients, order: nil, context: context)
        }

        func xi(_ eta: [B]) -> [B] { eta.indices.map { limits[$0] + scales[$0] * eta[$0] } }
    }

    /// `working`: the precision P the solution was computed at (the balls run at 4P).
    init(pattern: IsotropyPattern, limit: [Rational], shifts: [Int], ramification b: Int, context: SeriesContext, working: Int) {
        var plain = context, assumed = context, overBox = context
        plain.zeroLeadingBallsBelowBits = nil
        assumed.zeroLeadingBallsBelowBits = 2 * working
        overBox.zeroLeadingBallsBelowBits = working / 2
        plainContext = plain
        assuming = Variables(pattern: pattern, limit: limit, shifts: shifts, ramification: b, context: assumed)
        box = Variables(pattern: pattern, limit: limit, shifts: shifts, ramification: b, context: overBox)
        ramification = b
    }

    /// s with every ball kept from here on (no valuation assumption in what it enters).
    func plain(_ s: B) -> B { s.mapCoefficients(context: plainContext) { $0 } }

    /// The polynomial Σ_l c_l t^l (exact: no O-term), with every ball kept.
    func series(_ coefficients: [Ball]) -> B {
        B(ramification: ramification, valuation: 0, coefficients: coefficients, order: nil, context: plainContext)
    }

    /// The Jacobian ∂F/∂η at η (given by its coefficients), under the valuation assumption.
    /// Over a box (`center`: the Jacobian at its midpoint) each entry is cut above the center's
    /// leading term: the orders above it cancel exactly at every point (they depend on the limit
    /// only); the box's threshold drops most of them already, the cut is the guard (a
    /// certainly nonzero coefficient there is an error).
    func jacobian(_ eta: [[Ball]], center: [[B]]? = nil) throws -> [[B]] {
        let v = center == nil ? assuming : box
        let (_, j) = try v.model.fieldAndJacobian(v.xi(eta.map(v.series)), parallel: true)
        let n = eta.count
        return try (0..<n).map { r in
            try (0..<n).map { k in
                let entry = j[r, k] * v.scales[k]
                guard let center, let top = center[r][k].leadingDExponent else { return entry }
                return try Self.cut(entry, above: top, row: r)
            }
        }
    }

    /// F_d at η, each row cut above the dominant monomial of the row of `jacobian`.
    func field(_ eta: [[Ball]], jacobian: [[B]]) throws -> [B] {
        let field = try assuming.model.field(assuming.xi(eta.map(assuming.series)))
        return try field.indices.map { j in
            guard let dominant = jacobian[j].compactMap(\.leadingDExponent).max() else {
                throw FamilyEnclosure.NotCertified(description: "row \(j + 1) of the Jacobian has no known term")
            }
            return try Self.cut(field[j], above: dominant, row: j)
        }
    }

    /// s without its terms above d^top, each of which must contain 0.
    static func cut(_ s: B, above top: Rational, row j: Int) throws -> B {
        let high = s.coefficients.indices.prefix { Rational(-(s.valuation + $0), s.ramification) > top }
        if let i = high.first(where: { !s.coefficients[$0].containsZero }) {
            throw FamilyEnclosure.NotCertified(description: "F_\(j + 1) has a nonzero term d^\(Rational(-(s.valuation + i), s.ramification)) above its dominant monomial d^\(top)")
        }
        guard !high.isEmpty else { return s }
        return B(ramification: s.ramification, valuation: s.valuation + high.count, coefficients: Array(s.coefficients.dropFirst(high.count)),
                 order: s.order, context: s.context)
    }
}

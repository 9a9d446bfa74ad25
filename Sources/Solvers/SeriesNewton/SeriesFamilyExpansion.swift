#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Series
import LinearAlgebra
import Landscape

/// The whole series-ring route for a catalogued family: leading behaviour, `SeriesFamilySolver`,
/// and the checks of MATH.md section 3 (residual of F_d at the truncated series; agreement with
/// Newton's critical points at two finite d, found from the series itself).
///
/// The leading behaviour is first guessed from critical points at moderate d (200 ... 1600,
/// `LeadingBehaviour.candidates`); a candidate is accepted when the series solve converges from it and
/// the series agrees with Newton at d = 1e4 and 1e6 within its truncation error. Otherwise it is
/// read off critical points at 1e6, 1e7, 1e8 (`LeadingBehaviour.estimate`).
public struct SeriesFamilyExpansion: Sendable {
    public typealias S = PuiseuxSeries<BigFloat>
    public let family: Family
    /// The requested number of terms in t = d^(-1/b) per coordinate and for the loss.
    public let terms: Int
    public let solution: FamilySeries
    /// Newton's critical points at two large d, started from the series (the independent check;
    /// `newtonAgreement`).
    public let checkpoints: [CriticalPoint]
    /// Where the leading exponents came from: "moderate d (200-1600)" or "large d (1e6-1e8)".
    public let leadingSource: String
    public var ramification: Int { solution.ramification }

    /// The d at which the series is compared with Newton.
    public static let checkpointDimensions: [Double] = [1e4, 1e6]

    /// Solves with `max(terms + 4, 12)` terms internally, so that the loss (where d^2-sized
    /// pieces cancel) and the finite-d check have a tail to measure the truncation error with.
    /// `minimumInternalTerms`: 12 for a printed series (the b = 4 families' kernel directions
    /// lag 2-3 orders behind, and the tail estimate needs terms beyond the printed ones); a
    /// series wanted only as Newton's start at a large d may ask for fewer.
    public static func compute(_ family: Family, terms: Int, precision: Int, minimumInternalTerms: Int = 12) throws -> SeriesFamilyExpansion {
        let names = family.pattern.coordinates.map(\.description)
        let bits = max(precision, 192)
        var firstError: Error?
        do {
            // Every candidate is tested (series solve + agreement with Newton); exactly one must
            // pass. Two that pass are two families' worth of exponents: said, not picked.
            var accepted: [SeriesFamilyExpansion] = []
            for guess in try moderateCandidates(family, precision: bits) {
                if getenv("PUISEUX_TRACE") != nil { print("moderate-d candidate: \(guess.exponents) \(guess.coefficients.map { $0.formatted(significantDigits: 4) })") }
                do {
                    let e = try compute(family, terms: terms, precision: precision, leading: guess, source: "moderate d (200-1600)", minimumInternalTerms: minimumInternalTerms)
                    if try e.newtonAgreement().allSatisfy({ $0.ratio < agreementRatio }) { accepted.append(e) }
                    else { firstError = firstError ?? SolverError.notConverged("the series from the moderate-d guess disagrees with Newton") }
                } catch { firstError = firstError ?? error }
            }
            if accepted.count == 1 { return accepted[0] }
            if accepted.count > 1 {
                let choices = accepted.map { "(" + $0.solution.leadingExponents.map(\.description).joined(separator: ", ") + ")" }
                throw SolverError.ambiguous("\(family.name): the leading exponents are not decided at d <= 1600: \(choices.joined(separator: " and ")) both give series that converge and agree with Newton; not choosing one")
            }
        } catch let error as SolverError where error.isAmbiguous {
            throw error
        } catch { firstError = firstError ?? error }
        if getenv("PUISEUX_TRACE") != nil { print("moderate-d guess rejected: \(firstError!)") }
        do {
            let far = try FamilyCatalogue.criticalPoints(of: family, at: [1e6, 1e7, 1e8].map { BigFloat($0, precision: bits) }, precision: bits)
            let leading = try LeadingBehaviour.estimate(limit: family.limit, points: far, names: names)
            return try compute(family, terms: terms, precision: precision, leading: leading, source: "large d (1e6-1e8)", minimumInternalTerms: minimumInternalTerms)
        } catch {
            // The fallback's reason is the more telling one: the guess may fail for many reasons.
            throw error
        }
    }

    /// The leading-behaviour candidates read from the family's critical points at d = 200, 400,
    /// 800, 1600: computed in Double (`ModerateDimensionPath`), in MPFR at `precision` bits if
    /// the Double path or the reading from it fails.
    static func moderateCandidates(_ family: Family, precision bits: Int) throws -> [LeadingBehaviour] {
        let names = family.pattern.coordinates.map(\.description)
        let dimensions = [200.0, 400, 800, 1600]
        do {
            let quick = try ModerateDimensionPath.points(of: family, at: dimensions)
            return try LeadingBehaviour.candidates(limit: family.limit, points: quick, names: names)
        } catch {
            if getenv("PUISEUX_TRACE") != nil { print("moderate d in Double failed (\(error)); in MPFR") }
            let moderate = try FamilyCatalogue.criticalPoints(of: family, at: dimensions.map { BigFloat($0, precision: bits) }, precision: bits, quickSteps: true)
            return try LeadingBehaviour.candidates(limit: family.limit, points: moderate, names: names)
        }
    }

    /// How far the series may be from Newton at a checkpoint, in units of its own truncation
    /// error (the internal tail): 10, since the tail estimate is the next few terms only.
    public static let agreementRatio = 10.0

    public static func compute(_ family: Family, terms: Int, precision: Int, leading: LeadingBehaviour,
                               source: String, minimumInternalTerms: Int = 12) throws -> SeriesFamilyExpansion {
        // At least 12 internal terms by default: the staged solve of a b = 4 family needs the
        // equations to reach the lag of its kernel directions (t^2 - t^3) beyond the printed terms.
        let solver = SeriesFamilySolver(precision: precision, terms: max(terms + 4, minimumInternalTerms))
        let solution: FamilySeries
        do {
            solution = try solver.solve(pattern: family.pattern, limit: family.limit, leading: leading)
        } catch {
            throw SolverError.notConverged(
                "\(family.name): the series Newton iteration does not converge from the leading terms d^(-e) with e = \(leading.exponents.map(\.description).joined(separator: ", ")) (\(error)); the leading-order Jacobian is singular (a degenerate family)")
        }
        return try SeriesFamilyExpansion(family: family, terms: terms, solution: solution, source: source)
    }

    init(family: Family, terms: Int, solution: FamilySeries, source: String) throws {
        let unchecked = SeriesFamilyExpansion(family: family, terms: terms, solution: solution, source: source, checkpoints: [])
        // The two Newton solves are independent: one per core.
        self.init(family: family, terms: terms, solution: solution, source: source,
                  checkpoints: try Concurrently.map(Self.checkpointDimensions) { d in
                      try unchecked.newtonPoint(at: BigFloat(d, precision: try unchecked.checkpointPrecision(at: d)))
                  })
    }

    /// The bits of Newton's point at d: the series' precision P, or more where P cannot resolve
    /// the truncation error the point is compared with. F_d's pieces are about d^2 times the
    /// coordinates and cancel, so Newton at B bits is off by about d^2 2^-B; the point needs
    /// that below the smallest truncation error at d, with 16 bits to spare. At the default
    /// 256 bits and 12 terms that is P itself (d = 1e6 needs about 222); at 128 bits, without
    /// it, Newton's rounding (3e-36 in p0-m1-I's B at d = 1e6) hid the truncation error (1e-49)
    /// and every family failed the agreement.
    func checkpointPrecision(at d: Double) throws -> Int {
        let bits = solution.coordinates[0].precision
        let tails = try (0..<family.pattern.dimension).map { try truncationError($0, at: BigFloat(d, precision: bits)).doubleValue }.filter { $0 > 0 }
        guard let smallest = tails.min() else { return bits }
        return max(bits, Int((-log2(smallest) + 2 * log2(d)).rounded(.up)) + 16)
    }

    init(family: Family, terms: Int, solution: FamilySeries, source: String, checkpoints: [CriticalPoint]) {
        self.family = family
        self.terms = terms
        self.solution = solution
        self.leadingSource = source
        self.checkpoints = checkpoints
    }

    /// The same family at `precision` bits (the 2P confirmation) and/or to more terms, lifted
    /// from this one: Newton in the series ring started from these coefficients, not a new
    /// solve from the leading terms. The checkpoints are this expansion's: Newton's critical
    /// points, exact to about its precision, far below any truncation error they are compared
    /// with, so they are not solved for again.
    public func lifted(toPrecision precision: Int, terms: Int? = nil) throws -> SeriesFamilyExpansion {
        let terms = terms ?? self.terms
        let solver = SeriesFamilySolver(precision: precision, terms: max(terms + 4, 12))
        let lifted = try solver.lift(solution, pattern: family.pattern, limit: family.limit)
        return SeriesFamilyExpansion(family: family, terms: terms, solution: lifted, source: leadingSource, checkpoints: checkpoints)
    }

    /// The lift to `precision` bits (`lifted`) and the certificate of this expansion's
    /// coefficients (`FamilyEnclosure`), on one core each. A family that cannot be certified
    /// gives its reason, not an error: its digits are still backed by the two precisions.
    public func liftedAndCertified(toPrecision precision: Int) throws -> (lifted: SeriesFamilyExpansion, certificate: Result<FamilyEnclosure, FamilyEnclosure.NotCertified>) {
        enum Outcome: Sendable { case lifted(SeriesFamilyExpansion), certified(Result<FamilyEnclosure, FamilyEnclosure.NotCertified>) }
        let both: [Outcome] = try Concurrently.run([
            { @Sendable in Outcome.lifted(try self.lifted(toPrecision: precision)) },
            { @Sendable in Outcome.certified(Result { () throws(FamilyEnclosure.NotCertified) in
                try FamilyEnclosure.certify(self.solution, pattern: self.family.pattern, limit: self.family.limit) }) },
        ])
        guard case .lifted(let lifted) = both[0], case .certified(let certificate) = both[1] else { preconditionFailure("jobs in order") }
        return (lifted, certificate)
    }

    /// The certificate of this expansion's coefficients and, only where it does not enclose
    /// every coefficient the caller prints (`covers`), the lift to `precision` (the second
    /// computation then backs the digits). The test runs first, with both cores, for every
    /// family: a degenerate one is refused quickly (its Jacobian is singular at leading order),
    /// and a regular one found by the staged solve (p1-m2-II) is certified like the others
    /// (measured: p1-m2-II 1.37 -> 1.08 s, the b = 4 families within 0.05 s of lifting and
    /// testing concurrently).
    public func certifiedOrLifted(toPrecision precision: Int, covers: (FamilyEnclosure) -> Bool) throws
        -> (lifted: SeriesFamilyExpansion?, certificate: Result<FamilyEnclosure, FamilyEnclosure.NotCertified>) {
        let certificate = Result { () throws(FamilyEnclosure.NotCertified) in
            try FamilyEnclosure.certify(solution, pattern: family.pattern, limit: family.limit)
        }
        if case .success(let enclosure) = certificate, covers(enclosure) {
            return (nil, certificate)
        }
        return (try lifted(toPrecision: precision), certificate)
    }

    /// Newton's critical point at d from the truncated series' value there (no continuation).
    public func newtonPoint(at d: BigFloat) throws -> CriticalPoint {
        let start = try (0..<family.pattern.dimension).map { i in
            try evaluate(coefficients(of: solution.coordinates[i], count: solution.terms), at: d)
        }
        return try NewtonSolver().solve(pattern: family.pattern, d: d, start: start)
    }

    /// The coefficient of t^j (t = d^(-1/b)) in coordinate i, j < terms.
    public func coordinateCoefficients(_ i: Int) -> [BigFloat] { coefficients(of: solution.coordinates[i]) }
    public var lossCoefficients: [BigFloat] { coefficients(of: solution.loss) }

    func coefficients(of s: S) -> [BigFloat] { coefficients(of: s, count: terms) }

    func coefficients(of s: S, count: Int) -> [BigFloat] {
        let b = ramification
        return (0..<count).map { j in
            s.terms.first { $0.dExponent == Rational(-j, b) }?.coefficient ?? BigFloat(0, precision: s.precision)
        }
    }

    /// The truncated series (t^0 ... t^(terms-1)) of coordinate i evaluated at d.
    public func coordinate(_ i: Int, at d: BigFloat) throws -> BigFloat {
        try evaluate(coordinateCoefficients(i), at: d)
    }

    /// Σ_{j >= terms} of the internally computed tail at d: the size of the truncation error.
    public func truncationError(_ i: Int, at d: BigFloat) throws -> BigFloat {
        let b = ramification
        var sum = BigFloat(0, precision: d.precision)
        for term in solution.coordinates[i].terms where term.dExponent <= Rational(-terms, b) {
            sum = sum + term.coefficient * (try BigFloat.pow(d, term.dExponent))
        }
        return sum.magnitude
    }

    /// The truncated series against Newton's critical points at the checkpoints (1e4, 1e6): per d, the largest |series - Newton| over the coordinates
    /// and the largest ratio of such a gap to the internally computed tail (the truncation error),
    /// or to the series' own rounding where that is larger (`seriesRounding`; `byRounding` says
    /// which measured the worst coordinate).
    public func newtonAgreement() throws -> [(d: BigFloat, largestGap: Double, ratio: Double, byRounding: Bool)] {
        try checkpoints.map { point in
            var gap = 0.0, ratio = 0.0, byRounding = false
            for i in 0..<family.pattern.dimension {
                let g = (try coordinate(i, at: point.d) - point.coordinates[i]).magnitude.doubleValue
                let tail = try truncationError(i, at: point.d).doubleValue
                let rounding = try seriesRounding(i, at: point.d)
                gap = max(gap, g)
                let r = g / max(tail, rounding, 1e-300)
                if r > ratio { (ratio, byRounding) = (r, rounding > tail) }
            }
            return (point.d, gap, ratio, byRounding)
        }
    }

    /// How far the truncated series of coordinate i at d can be from its exact value through
    /// its coefficients' rounding alone: 2^(8 - P) times the sum of its terms' sizes (each
    /// coefficient holds about P bits; 8 for the cancellations that cost a few). Far below the
    /// truncation error at the default 256 bits; at 128 bits the larger at d = 1e6.
    func seriesRounding(_ i: Int, at d: BigFloat) throws -> Double {
        let bits = solution.coordinates[0].precision
        var size = 0.0
        for (j, c) in coordinateCoefficients(i).enumerated() where !c.isZero {
            size += c.magnitude.doubleValue * pow(d.doubleValue, -Double(j) / Double(ramification))
        }
        return size * pow(2, Double(8 - bits))
    }

    func evaluate(_ cs: [BigFloat], at d: BigFloat) throws -> BigFloat {
        var sum = BigFloat(0, precision: d.precision)
        for (j, c) in cs.enumerated() where !c.isZero { sum = sum + c * (try BigFloat.pow(d, Rational(-j, ramification))) }
        return sum
    }

    /// F_d at the series truncated to `terms` terms: per coordinate, the exponent of d of the
    /// residual's leading term and the exponent it must not exceed, (row scale of DF_d) - terms/b.
    public func residualOrders() throws -> [(leading: Rational?, bound: Rational)] {
        let b = ramification
        let d = S.d(context: solution.coordinates[0].context)
        let model = ReducedLoss(pattern: family.pattern, d: d)
        let truncated = solution.coordinates.map { $0.polynomialPart(aboveDExponent: Rational(-terms, b)) }
        let field: [S], jacobian: Matrix<S>
        do {
            (field, jacobian) = try model.fieldAndJacobian(truncated)
        } catch let error as ComputationError {
            // Too short a truncation can leave a Gram entry with no known term (b = 4 families at
            // 4 terms: one power of d): say so instead of passing on "division by zero".
            throw SolverError.notConverged("\(family.name): F_d cannot be evaluated at the series truncated to \(terms) terms (\(error)); ask for more terms (\(2 * b) or more for b = \(b))")
        }
        let n = family.pattern.dimension
        // F_d's coefficients are sums of pieces up to d^2 in size that cancel; at P bits a
        // coefficient below 2^(-P/2) is rounding noise (the floor Newton converges to), not part of
        // the residual's order.
        let noise = try NumericZeroRule.residueFloor(precision: field[0].precision)
        return (0..<n).map { j in
            let rowScale = (0..<n).compactMap { jacobian[j, $0].leadingDExponent }.max() ?? 0
            let leading = field[j].terms.first { $0.coefficient.magnitude > noise }?.dExponent
            return (leading, rowScale - Rational(terms, b))
        }
    }
}

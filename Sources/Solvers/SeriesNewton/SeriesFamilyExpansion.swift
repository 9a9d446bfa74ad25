import Numbers
import Series
import LinearAlgebra
import Landscape

/// The whole series-ring route for a catalogued family: leading behaviour from critical
/// points at three large d, `SeriesFamilySolver`, and the checks of MATH.md section 3
/// (residual of F_d at the truncated series; agreement with the finite-d critical points).
public struct SeriesFamilyExpansion: Sendable {
    public typealias S = PuiseuxSeries<BigFloat>
    public let family: Family
    /// The requested number of terms in t = d^(-1/b) per coordinate and for the loss.
    public let terms: Int
    public let solution: FamilySeries
    /// The finite-d critical points the leading behaviour was read from (continuation).
    public let checkpoints: [CriticalPoint]
    public var ramification: Int { solution.ramification }

    /// Solves with `max(terms + 4, 12)` terms internally, so that the loss (where d^2-sized pieces cancel)
    /// and the finite-d check have a tail to measure the truncation error with.
    public static func compute(_ family: Family, terms: Int, precision: Int) throws -> SeriesFamilyExpansion {
        let (leading, points) = try leadingBehaviour(of: family, precision: precision)
        return try compute(family, terms: terms, precision: precision, leading: leading, checkpoints: points)
    }

    /// The leading behaviour and the finite-d points it was read from (reusable at another
    /// precision: the leading coefficients are only a start for Newton).
    public static func leadingBehaviour(of family: Family, precision: Int) throws -> (LeadingBehaviour, [CriticalPoint]) {
        let bits = max(precision, 192)
        let names = family.pattern.coordinates.map(\.description)
        var leading: LeadingBehaviour?, points: [CriticalPoint] = []
        var lastError: Error?
        // Moderate d first (fast); families whose corrections decay like d^(-1/4) need larger d
        // before the exponents can be read off.
        for ds in [[1e3, 1e4, 1e5], [1e6, 1e7, 1e8]] where leading == nil {
            do {
                points = try FamilyCatalogue.criticalPoints(of: family, at: ds.map { BigFloat($0, precision: bits) }, precision: bits)
                leading = try LeadingBehaviour.estimate(limit: family.limit, points: points, names: names)
            } catch { lastError = error }
        }
        guard let leading else { throw lastError! }
        return (leading, points)
    }

    public static func compute(_ family: Family, terms: Int, precision: Int, leading: LeadingBehaviour,
                               checkpoints points: [CriticalPoint]) throws -> SeriesFamilyExpansion {
        // At least 12 internal terms: the staged solve of a b = 4 family needs the equations to
        // reach the lag of its kernel directions (t^2 - t^3) beyond the printed terms.
        let solver = SeriesFamilySolver(precision: precision, terms: max(terms + 4, 12))
        let solution: FamilySeries
        do {
            solution = try solver.solve(pattern: family.pattern, limit: family.limit, leading: leading)
        } catch {
            throw SolverError.notConverged(
                "\(family.name): the series Newton iteration does not converge from the leading terms d^(-e) with e = \(leading.exponents.map(\.description).joined(separator: ", ")) (\(error)); the leading-order Jacobian is singular (a degenerate family)")
        }
        return SeriesFamilyExpansion(family: family, terms: terms, solution: solution, checkpoints: points)
    }

    /// The coefficient of t^j (t = d^(-1/b)) in coordinate i, j < terms.
    public func coordinateCoefficients(_ i: Int) -> [BigFloat] { coefficients(of: solution.coordinates[i]) }
    public var lossCoefficients: [BigFloat] { coefficients(of: solution.loss) }

    func coefficients(of s: S) -> [BigFloat] {
        let b = ramification
        return (0..<terms).map { j in
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

    /// The truncated series against the continued critical points at the two larger checkpoints
    /// (1e4 and 1e5, or 1e7 and 1e8): per d, the largest |series - Newton| over the coordinates
    /// and the largest ratio of such a gap to the internally computed tail (the truncation error).
    public func newtonAgreement() throws -> [(d: BigFloat, largestGap: Double, ratio: Double)] {
        try checkpoints.suffix(2).map { point in
            var gap = 0.0, ratio = 0.0
            for i in 0..<family.pattern.dimension {
                let g = (try coordinate(i, at: point.d) - point.coordinates[i]).magnitude.doubleValue
                let tail = try truncationError(i, at: point.d).doubleValue
                gap = max(gap, g)
                ratio = max(ratio, g / max(tail, 1e-300))
            }
            return (point.d, gap, ratio)
        }
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

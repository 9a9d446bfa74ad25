import Numbers
import LinearAlgebra
import Landscape

/// The numbers of positive, zero and negative eigenvalues of a symmetric matrix.
public struct Inertia: Sendable, Equatable, CustomStringConvertible {
    public var positive: Int, zero: Int, negative: Int
    public init(positive: Int, zero: Int, negative: Int) { (self.positive, self.zero, self.negative) = (positive, zero, negative) }
    public static func + (a: Inertia, b: Inertia) -> Inertia {
        Inertia(positive: a.positive + b.positive, zero: a.zero + b.zero, negative: a.negative + b.negative)
    }
    public var total: Int { positive + zero + negative }
    public var description: String { "(\(positive), \(zero), \(negative))" }
}

extension NeuronSplit {
    /// Below 2^(-P/2) (P the working precision) the sign of an eigenvalue computed in MPFR is
    /// not decided: the point itself is only known to about that (Newton's residual), so a
    /// smaller eigenvalue may be a zero of the exact point or noise. Such an eigenvalue (other
    /// than Y's exact zero on w_J) makes the prediction throw rather than guess.
    public static func signFloor(precision: Int) throws -> BigFloat {
        try BigFloat.pow(BigFloat(2, precision: precision), Rational(-precision, 2))
    }

    /// Y's inertia at integer d, the exact zero on w_J included.
    public func yInertia(d: Int) throws -> Inertia {
        var result = Inertia(positive: 0, zero: 1, negative: 0)
        let floor = try Self.signFloor(precision: point.precision)
        for component in y {
            let m = multiplicity(component, d: d)
            for value in component.eigenvalues {
                guard value.magnitude > floor else {
                    throw ComputationError.undecidable("Y has an eigenvalue within \(floor.formatted(significantDigits: 3)) of zero on \(component.name) (besides the one on w_J)")
                }
                if value.sign > 0 { result.positive += m } else { result.negative += m }
            }
        }
        return result
    }

    /// The split point's inertia by the congruence: the old Hessian's (kd eigenvalues, from its
    /// isotypic spectrum) plus Y's, for every μ in (0, 1).
    public func predictedInertia(d: Int, old spectrum: IsotypicSpectrum) throws -> Inertia {
        let floor = try Self.signFloor(precision: point.precision)
        guard spectrum.smallestMagnitude > floor else {
            throw ComputationError.undecidable("the critical point is degenerate to \(floor.formatted(significantDigits: 3)) (an eigenvalue of its Hessian is that close to zero)")
        }
        let kd = (d + point.pattern.extraRows) * d
        let negatives = spectrum.index(q: d - point.pattern.smallTotal)
        return Inertia(positive: kd - negatives, zero: 0, negative: negatives) + (try yInertia(d: d))
    }
}

/// The ways a computation can fail without it being a programming error.
///
/// - `domain`: mathematically undefined (log of a zero series, acos of 2, division by zero).
/// - `inexact`: the value exists but is not representable in the requested exact type
///   (sqrt(2) as a `Rational`); callers retry in a floating type.
/// - `undecidable`: the answer depends on a decision (is this coefficient zero?) that the
///   working precision cannot make; callers retry at a higher precision.
public enum ComputationError: Error, Equatable, CustomStringConvertible, Sendable {
    case domain(String)
    case inexact(String)
    case undecidable(String)

    public var description: String {
        switch self {
        case .domain(let why): return "domain error: \(why)"
        case .inexact(let why): return "not exact: \(why)"
        case .undecidable(let why): return "undecidable at this precision: \(why)"
        }
    }
}

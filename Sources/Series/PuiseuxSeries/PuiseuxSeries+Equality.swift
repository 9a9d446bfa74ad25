import Numbers

/// Structural equality of normalised series: same ramification, valuation, coefficients
/// and O-term. Use `agreement(with:)` to compare values up to the O-terms.
extension PuiseuxSeries: Equatable {
    public static func == (lhs: PuiseuxSeries, rhs: PuiseuxSeries) -> Bool {
        lhs.ramification == rhs.ramification && lhs.valuation == rhs.valuation
            && lhs.order == rhs.order && lhs.coefficients == rhs.coefficients
    }
}

/// The answer of a three-valued comparison.
public enum SeriesAgreement: Equatable, Sendable {
    /// Every term below both O-terms is equal (numerically zero difference).
    case agrees
    /// Some term below both O-terms differs.
    case differs
    /// Equal where both are known, but neither O-term covers the other's missing terms
    /// in a way that lets us say more (e.g. one side has no known terms at all).
    case unknown
}

extension PuiseuxSeries {
    /// Compares the terms below min(order self, order other): their difference must be
    /// numerically zero (the kernels' zero rule) or, if `tolerance` is given, each
    /// coefficient of the difference must be at most `tolerance` relative to the larger
    /// input coefficient.
    public func agreement(with other: PuiseuxSeries) -> SeriesAgreement {
        let difference = self - other
        if !difference.coefficients.isEmpty { return .differs }
        if isExactZero != other.isExactZero && (coefficients.isEmpty || other.coefficients.isEmpty) {
            return difference.order == nil ? .agrees : .unknown
        }
        return .agrees
    }
}

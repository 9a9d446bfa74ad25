import Numbers
import Balls
import Expressions

/// What backs one computed coefficient, the one rule of `family` and `spectrum`: a ball from a
/// certificate, the agreement of a second run at a higher precision, or both.
///
/// In order: a certainly nonzero ball is printed to the digits it proves (`CertifiedDecimal`,
/// at most the working precision's); both values exactly zero is no coefficient; a ball that
/// holds 0 is a certified zero when no second run contradicts it (none was run, or both runs
/// put the value below the residue floor, `ConfirmedDigits.zero`); otherwise the two runs'
/// rule (`ConfirmedDigits`), and without a second run and a ball nothing backs the value.
public enum BackedCoefficient {
    case certified(CertifiedDecimal)
    case absent
    /// |c| <= bound, proved.
    case certifiedZero(bound: BigFloat)
    case agreed(digits: Int)
    case zero(bound: Double)
    case unconfirmed(bound: Double)

    /// `x` at `precision` bits, `y` the second run's value (as the caller compares it), `ball`
    /// the certificate's enclosure where it reaches.
    public init(_ x: BigFloat, confirmation y: BigFloat?, ball: Ball?, precision: Int) {
        if let ball, let decimal = CertifiedDecimal(ball, maximumDigits: BigFloat.decimalDigits(forBits: precision)) {
            self = .certified(decimal)
            return
        }
        if x.isZero && (y?.isZero ?? true) { self = .absent; return }
        let confirmed = y.map { ConfirmedDigits(x, $0, precision: precision) }
        if let ball, ball.containsZero, confirmed.map({ if case .zero = $0 { true } else { false } }) ?? true {
            self = .certifiedZero(bound: ball.distanceBound(to: Ball(0, precision: 64)))
            return
        }
        switch confirmed ?? .unconfirmed(bound: x.magnitude.doubleValue) {
        case .digits(let k): self = .agreed(digits: k)
        case .zero(let bound): self = .zero(bound: bound)
        case .unconfirmed(let bound): self = .unconfirmed(bound: bound)
        }
    }
}

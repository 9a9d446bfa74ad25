import Numbers
import Balls

/// `check`'s rule for a certificate against a second computation: the ball (proved) must
/// contain the value computed independently at 2P bits, within that value's own error. A
/// miss means the proof or the computation is wrong, and `check` fails.
///
/// The 2P value's error is taken as 2^16 times the larger of its rounding, 2^-2P relative,
/// and, given the P-bit value, the square of the relative distance between the two: a root
/// that loses half its digits (two eigenvalues with one leading term) is off by about
/// 2^(-P/2) at P bits and 2^-P at 2P, the square; a regular value is off by its rounding.
public enum CertificateCrossCheck {
    /// Whether `ball` contains `confirmation` (computed at 2 `precision` bits) within its
    /// error, estimated with the `working` (P-bit) value when given.
    public static func agrees(_ ball: Ball, confirmation: BigFloat, working: BigFloat? = nil, precision: Int) -> Bool {
        let bits = 2 * precision + 64
        let value = BigFloat(confirmation, precision: bits)
        var relative = (try? BigFloat.pow(BigFloat(2, precision: bits), Rational(-2 * precision))) ?? BigFloat(0, precision: bits)
        if let working, !value.isZero, let distance = try? (BigFloat(working, precision: bits) - value).magnitude / value.magnitude {
            relative = max(relative, distance * distance)
        }
        let slack = value.magnitude * relative * BigFloat(65536, precision: bits)
        return Ball(midpoint: ball.midpoint, radius: ball.radius + slack).contains(value)
    }
}

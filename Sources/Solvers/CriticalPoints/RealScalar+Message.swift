import Numbers
import LinearAlgebra

extension RealScalar {
    /// The value with `digits` significant digits, for a one-line message or a trace.
    func formattedForMessage(significantDigits digits: Int) -> String {
        bigFloatValue.formatted(significantDigits: digits)
    }
}

import Testing
@testable import Numbers

/// A small, fixed-seed generator so every run draws the same "random" inputs.
extension SplitMix64 {
    /// An integer with about `bits` random bits (assembled from 62-bit chunks), either sign.
    mutating func bigInteger(bits: Int, allowNegative: Bool = true) -> Rational {
        let chunk = Rational(1 << 62)
        var value = Rational.zero
        for _ in 0..<Swift.max(1, (bits + 61) / 62) {
            value = value * chunk + Rational(Int.random(in: 0..<(1 << 62), using: &self))
        }
        return allowNegative && Bool.random(using: &self) ? -value : value
    }

    /// A rational with numerator and denominator of about `bits` bits each (never zero).
    mutating func rational(bits: Int) -> Rational {
        var num = bigInteger(bits: bits)
        if num.isZero { num = .one }
        let den = bigInteger(bits: bits, allowNegative: false) + .one
        return try! num / den
    }

    /// A rational uniformly spread over [low, high) with 310 random bits (enough for 256-bit tests).
    mutating func rational(in low: Rational, _ high: Rational) -> Rational {
        let unit = try! bigInteger(bits: 310, allowNegative: false) / (try! Rational(2).power(310))
        return low + (high - low) * unit
    }

    /// A BigFloat in [low, high) at `precision` bits.
    mutating func bigFloat(in low: Rational, _ high: Rational, precision: Int) -> BigFloat {
        BigFloat(rational(in: low, high), precision: precision)
    }
}

/// The binary exponent E of |a - b| (so |a - b| < 2^E), or Int.min when a == b.
/// The difference is taken at the larger precision of the two.
func errorExponent(_ a: BigFloat, _ b: BigFloat) -> Int {
    (a - b).exponent ?? Int.min
}

/// Records an issue unless `body` throws `ComputationError.domain`.
func expectDomainError<R>(
    _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> R
) {
    expectComputationError(comment, sourceLocation: sourceLocation, body) {
        if case .domain = $0 { return true } else { return false }
    }
}

/// Records an issue unless `body` throws `ComputationError.inexact`.
func expectInexactError<R>(
    _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> R
) {
    expectComputationError(comment, sourceLocation: sourceLocation, body) {
        if case .inexact = $0 { return true } else { return false }
    }
}

private func expectComputationError<R>(
    _ comment: Comment?,
    sourceLocation: SourceLocation,
    _ body: () throws -> R,
    matches: (ComputationError) -> Bool
) {
    let note = comment.map { " (\($0.rawValue))" } ?? ""
    do {
        let value = try body()
        Issue.record("expected a ComputationError, got \(value)\(note)", sourceLocation: sourceLocation)
    } catch let error as ComputationError {
        if !matches(error) {
            Issue.record("wrong kind of ComputationError: \(error)\(note)", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("unexpected error \(error)\(note)", sourceLocation: sourceLocation)
    }
}

import ArgumentParser
import Numbers
import Series
import Expressions

/// `--terms N` / `--order EXP`, the same in every command that prints series (`SeriesLength`):
/// at least N nonzero terms of every printed series counted from its leading term, or every
/// term above d^EXP and O(d^EXP). Commands differ only in the largest N they compute
/// (`validate(mostTerms:)`), which each names in its error.
struct SeriesLengthOption: ParsableArguments {
    /// The N when neither option is given, in every command.
    static let defaultTerms = 6

    @Option(name: .long, parsing: .unconditional,
            help: "At least N nonzero terms of every series, counted from its leading term (default 6); fewer only where the series is known to end, which its O-term then shows.")
    var terms: Int?

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Every term above d^EXP and O(d^EXP) instead of --terms, e.g. --order -5/2.", valueName: "exp"))
    var order: String?

    func validate() throws {
        if terms != nil && order != nil { throw ValidationError("--terms and --order cannot be used together") }
        if let order { _ = try Self.parseOrder(order) }
    }

    /// The command's own limit on N, named in the error (`--terms must be between 1 and M`);
    /// every command calls it from its `validate`.
    func validate(mostTerms: Int) throws {
        if let terms, !(1...mostTerms).contains(terms) {
            throw ValidationError("--terms must be between 1 and \(mostTerms) (got \(terms))")
        }
    }

    /// What was asked for (`terms(defaultTerms)` when nothing was).
    var length: SeriesLength {
        if let order, let q = try? Self.parseOrder(order) { return .order(q) }
        return .terms(terms ?? Self.defaultTerms)
    }

    /// The --order value as an exact rational ("-5/2", "-2.5", "3").
    static func parseOrder(_ text: String) throws -> Rational {
        let bound = ExpressionLimits.maximumExponent, denominatorBound = ExpressionLimits.maximumExponentDenominator
        guard let q = Rational(text), let (p, den) = q.intComponents, p.magnitude <= bound * den, den <= denominatorBound else {
            throw ValidationError("--order must be a rational exponent such as -5/2, at most \(bound) in magnitude with a denominator at most \(denominatorBound) (got '\(text)')")
        }
        return q
    }
}

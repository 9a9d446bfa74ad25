import ArgumentParser
import Foundation
import Numbers
import Series
import Expressions
import Export

/// `puiseux expand "<expression in d>"`: the expansion as d -> infinity.
struct Expand: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Expand an expression in d as d -> infinity.",
        discussion: """
            Prints the first nonzero terms in decreasing powers of d and an O-term that is \
            true. Coefficients stay exact rationals while every step is rational \
            (sqrt(d^2 + d) - d); otherwise they are MPFR numbers, computed at --precision \
            bits and again at twice that, and only the digits both agree on are printed.

            Examples:
              puiseux expand "sqrt(d^2 + d) - d"
              puiseux expand "acos(1 - 1/d)" --terms 4 --format json
              puiseux expand "(d + 1)^(3/2) - d^(3/2)" --order -3/2
              puiseux expand "exp(1/d)*sqrt(d)" --precision 256 --format latex
              puiseux expand "-d^2 + log(1 + 1/d)*d" --numeric
              puiseux expand "acos(1 - 1/d)" --certified --format json
            """)

    static let maximumTerms = 1_000

    @Argument(parsing: .allUnrecognized,
              help: ArgumentHelp("The expression in d (quote it).", valueName: "expression"))
    var expression: [String] = []

    @OptionGroup var length: SeriesLengthOption

    @Flag(name: .long, help: "Compute with MPFR coefficients throughout (no exact rationals).")
    var numeric = false

    @Flag(name: .long, help: "Compute in balls (Arb): every digit shown is proved, JSON gives each term's radius; an undecidable coefficient doubles --precision up to 16384 bits.")
    var certified = false

    @OptionGroup var output: OutputOptions

    /// The arguments before a `--` terminator (where an unknown `--option` is an error)
    /// and after it (taken literally).
    var expressionParts: (options: ArraySlice<String>, literal: ArraySlice<String>) {
        guard let terminator = expression.firstIndex(of: "--") else { return (expression[...], []) }
        return (expression[..<terminator], expression[(terminator + 1)...])
    }

    func validate() throws {
        if let unknown = expressionParts.options.first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("unknown option '\(unknown)'")
        }
        if expressionParts.options.isEmpty && expressionParts.literal.isEmpty { throw ValidationError("missing the expression to expand, e.g. puiseux expand \"sqrt(d^2 + d) - d\"") }
        try length.validate(mostTerms: Expand.maximumTerms)
    }

    /// The expression text (arguments split by the shell are joined by spaces).
    var expressionText: String {
        let (before, after) = expressionParts
        return (before + after).joined(separator: " ")
    }

    func options() throws -> ExpansionOptions {
        var options = ExpansionOptions(target: length.length, precision: output.precision, forceNumeric: numeric)
        options.certified = certified
        options.maximumPrecision = PrecisionRule.range.upperBound
        return options
    }

    @OptionGroup var shown: DigitsOption

    @OptionGroup var destination: OutputFile

    func run() throws {
        try destination.redirect()
        let text = expressionText
        do {
            let parsed = try Expression.parse(text)
            let expansion = try Expansion(expanding: parsed, options: try options())
            print(expansion.formatted(output.format, display: shown.display(forPeople: output.format == .text || output.format == .latex)))
        } catch let error as ExpressionError {
            throw CLIFailure(usage: error.withInput(text).message)
        } catch let error as EvaluationError {
            if case .undecidable = error.reason {
                throw CLIFailure(computation: "\(error.message) at \(output.precision) bits; raise --precision")
            }
            throw CLIFailure(computation: error.message)
        } catch let error as ExpansionError {
            throw CLIFailure(computation: Expand.message(for: error))
        } catch let error as ComputationError {
            throw CLIFailure(computation: error.description)
        }
    }

    /// CLI wording of expansion failures (names the option that helps).
    static func message(for error: ExpansionError) -> String {
        switch error {
        case .undecidable(let e, let p):
            return "cannot decide whether the coefficient of d^(\(e)) is zero at \(p) bits; raise --precision"
        case .undecidableEvaluation(let inner, let p):
            return "\(inner.message) at \(p) bits; raise --precision"
        case .tooFewTerms:
            return error.description + "; --order EXP asks for an O-term instead"
        default:
            return error.description
        }
    }
}

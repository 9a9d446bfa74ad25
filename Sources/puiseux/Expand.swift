import ArgumentParser
import Foundation
import Numbers
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

    @Option(name: .long, parsing: .unconditional,
            help: "Number of nonzero terms to print (default 6); fewer only if the series terminates.")
    var terms: Int?

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Print every term above d^EXP and O(d^EXP) instead, e.g. --order -5/2.",
                               valueName: "exp"))
    var order: String?

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
        if terms != nil && order != nil { throw ValidationError("--terms and --order cannot be used together") }
        if let terms, !(1...Expand.maximumTerms).contains(terms) {
            throw ValidationError("--terms must be between 1 and \(Expand.maximumTerms) (got \(terms))")
        }
        if let order { _ = try Expand.parseOrder(order) }
    }

    /// The --order value as an exact rational ("-5/2", "-2.5", "3").
    static func parseOrder(_ text: String) throws -> Rational {
        let bound = ExpressionLimits.maximumExponent, denominatorBound = ExpressionLimits.maximumExponentDenominator
        guard let q = Rational(text), let (p, den) = q.intComponents, p.magnitude <= bound * den, den <= denominatorBound else {
            throw ValidationError("--order must be a rational exponent such as -5/2, at most \(bound) in magnitude with a denominator at most \(denominatorBound) (got '\(text)')")
        }
        return q
    }

    /// The expression text (arguments split by the shell are joined by spaces).
    var expressionText: String {
        let (before, after) = expressionParts
        return (before + after).joined(separator: " ")
    }

    func options() throws -> ExpansionOptions {
        let target: ExpansionTarget = try order.map { .order(try Expand.parseOrder($0)) } ?? .terms(terms ?? 6)
        var options = ExpansionOptions(target: target, precision: output.precision, forceNumeric: numeric)
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

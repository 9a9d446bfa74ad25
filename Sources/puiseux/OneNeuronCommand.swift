import ArgumentParser
import Numbers
import Series
import Export
import Solvers

/// `puiseux one-neuron`: the one-neuron student's critical points (paper 002), in closed form.
struct OneNeuronCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "one-neuron",
        abstract: "The one-neuron student (k = 1) of the teacher I_d: its critical points W = c 1^T, exactly at d or as series in d.",
        discussion: """
            Closed forms (Docs/one-neuron.md; our conventions: output weight 1, \
            L = 1/2 E[(f - f*)^2]): c+ = (sqrt(d - 1) + pi - acos(1/sqrt(d)))/pi, a minimum, and \
            c- = -(sqrt(d - 1) - acos(1/sqrt(d)))/pi, a saddle of index d - 1; the loss \
            d/4 + d(d - 1)/(4 pi) - c^2 d/4; Hessian eigenvalues 1/2 on 1 and 1/2 - d/(2 pi |c| \
            sqrt(d - 1)) on its complement. Each value is computed at BITS and 2 BITS and shown \
            to the digits both agree on; with --terms, as a Puiseux series in d.

            Examples:
              puiseux one-neuron --d 10
              puiseux one-neuron --terms 4 --format json

            Exit status: 0 success, 1 a computation failed, 2 bad usage.
            """)

    @Option(name: .customLong("d"), help: "The dimension: any real d > 1 (omit for series in d).")
    var dimension: Double?

    @Option(help: "With no --d: terms of each series in d (1...24).")
    var terms: Int = 4

    @Option(help: PrecisionRule.help("every digit shown is confirmed at twice this."))
    var precision: Int = 256

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var shown: DigitsOption

    @OptionGroup var destination: OutputFile

    func validate() throws {
        try OutputFormat.require(format, in: [.text, .json], command: "one-neuron")
        try PrecisionRule.validate(precision)
        if let dimension { guard dimension > 1, dimension.isFinite else { throw ValidationError("--d must be a real number > 1 (got \(dimension))") } }
        guard (1...24).contains(terms) else { throw ValidationError("--terms must be between 1 and 24 (got \(terms))") }
    }

    func run() throws {
        try destination.redirect()
        let display = shown.display(forPeople: format.isForPeople)
        let report: OneNeuronReport
        do {
            report = try dimension.map { try atDimension($0, display) } ?? series(display)
        } catch {
            throw CLIFailure(computation: "one-neuron: \(error)")
        }
        print(format == .json ? report.json : report.text)
    }

    static func kind(_ sign: Int) -> String { sign > 0 ? "minimum" : "saddle of index d - 1" }

    /// The text of x (at P bits) to the digits y (at 2P) backs, shown by the display rule.
    func backed(_ x: BigFloat, _ y: BigFloat, _ display: DisplayDigits) -> String {
        let confirmed = ConfirmedDigits(x, y, precision: precision)
        guard let text = confirmed.text(x) else { return "(not backed)" }
        return display.shown(text, known: confirmed.count).text
    }

    func atDimension(_ d: Double, _ display: DisplayDigits) throws -> OneNeuronReport {
        let a = try OneNeuron.criticalPoints(d: BigFloat(d, precision: precision))
        let b = try OneNeuron.criticalPoints(d: BigFloat(d, precision: 2 * precision))
        let points = zip(a, b).map { x, y in
            OneNeuronReport.Point(sign: x.sign, kind: Self.kind(x.sign), c: .number(backed(x.c, y.c, display)), loss: .number(backed(x.loss, y.loss, display)),
                                  trivial: .number(backed(x.trivial, y.trivial, display)), standard: .number(backed(x.standard, y.standard, display)))
        }
        return OneNeuronReport(at: "d = \(BigFloat(d, precision: 64).formatted(significantDigits: 17))", points: points,
                               header: "closed forms at \(precision) and \(2 * precision) bits, digits shown agree")
    }

    func series(_ display: DisplayDigits) throws -> OneNeuronReport {
        typealias S = PuiseuxSeries<BigFloat>
        let a = try OneNeuron.criticalPoints(d: S.d(context: SeriesContext(precision: precision, relativeTerms: terms + 4)))
        let b = try OneNeuron.criticalPoints(d: S.d(context: SeriesContext(precision: 2 * precision, relativeTerms: terms + 4)))
        func value(_ x: S, _ y: S) -> OneNeuronReport.Value {
            let kept = Array(x.terms.prefix(terms))
            let order = kept.count < x.terms.count ? x.terms[kept.count].dExponent : x.dOrder
            let list = kept.map { t -> (exponent: Rational, text: String) in
                let other = y.terms.first { $0.dExponent == t.dExponent }?.coefficient ?? BigFloat(0, precision: 2 * precision)
                return (t.dExponent, backed(t.coefficient, other, display))
            }
            return .series(list, order: order)
        }
        let points = zip(a, b).map { x, y in
            OneNeuronReport.Point(sign: x.sign, kind: Self.kind(x.sign), c: value(x.c, y.c), loss: value(x.loss, y.loss),
                                  trivial: value(x.trivial, y.trivial), standard: value(x.standard, y.standard))
        }
        return OneNeuronReport(at: "as d -> infinity", points: points,
                               header: "the closed forms as Puiseux series at \(precision) and \(2 * precision) bits, \(terms) nonzero terms each, digits shown agree")
    }
}

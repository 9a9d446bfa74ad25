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
              puiseux one-neuron --d 10 --units 002
              puiseux one-neuron --d 10 --rows 3

            Exit status: 0 success, 1 a computation failed, 2 bad usage.
            """)

    @Option(name: .customLong("d"), help: "The dimension: any real d > 1 (omit for series in d).")
    var dimension: Double?

    @OptionGroup var length: SeriesLengthOption

    @Option(help: PrecisionRule.help("every digit shown is confirmed at twice this."))
    var precision: Int = 256

    @Option(help: "Output format: text, json, csv or latex (a booktabs table: series in the papers' layout, one column per power of d).")
    var format: OutputFormat = .text

    @Flag(help: "With --format latex: a complete document instead of a table fragment.")
    var standalone = false

    @Option(help: "K equal rows W = (c/K) 1_K 1^T: the one neuron split into K equal parts (1...1000).")
    var rows: Int = 1

    @Option(help: "Units: ours (output weight 1, L = 1/2 E[(f - f*)^2]) or 002 (paper 002's: output weight free, no 1/2; ||w|| a, the similarity u, the loss and the (d + 1) x (d + 1) Hessian in (w, a)).")
    var units: Units = .ours

    @OptionGroup var shown: DigitsOption

    @OptionGroup var destination: OutputFile

    /// The largest --terms N.
    static let mostTerms = 24

    /// The series ring's relative length for what was asked: four terms beyond it for the
    /// square roots' cancellations; for an order, every power of d^(-1/2) above it (the
    /// closed forms' series are in d^(-1/2)) from d^1 down.
    var relativeTerms: Int {
        switch length.length {
        case .terms(let n): return n + 4
        case .order: return length.length.powers(ramification: 2, leading: 1) + 4
        }
    }

    func validate() throws {
        try OutputFormat.require(format, in: [.text, .json, .csv, .latex], command: "one-neuron")
        try PrecisionRule.validate(precision)
        if let dimension { guard dimension > 1, dimension.isFinite else { throw ValidationError("--d must be a real number > 1 (got \(dimension))") } }
        guard (1...1000).contains(rows) else { throw ValidationError("--rows must be between 1 and 1000 (got \(rows))") }
        if rows > 1 && units == .paper002 { throw ValidationError("--units 002 is for one neuron (--rows 1): with K rows each has its own free output weight") }
        try length.validate(mostTerms: Self.mostTerms)
    }

    func run() throws {
        try destination.redirect()
        let display = shown.display(forPeople: format.isForPeople)
        var report: OneNeuronReport
        do {
            report = try dimension.map { try atDimension($0, display) } ?? series(display)
        } catch {
            throw CLIFailure(computation: "one-neuron: \(error)")
        }
        if rows > 1 { report.subject = "\(rows) equal rows W = c 1_K 1^T (the one neuron split into K = \(rows) equal parts)" }
        report.display = display
        print(report.formatted(format, standalone: standalone))
    }

    static func kind(_ sign: Int) -> String { sign > 0 ? "minimum" : "saddle of index d - 1" }

    /// The digits of x (at P bits) that y (at 2P) backs, shown by the display rule ("..." after a
    /// shortened value in text).
    func backed(_ x: BigFloat, _ y: BigFloat, _ display: DisplayDigits) -> String {
        ConfirmedDigits.shown(x, confirmedBy: y, precision: precision, display: display, marked: format == .text)
    }

    /// The report's points from both critical points at P (`a`) and 2P (`b`), each value laid
    /// out by `value`, in the units asked for: ours, or paper 002's (`OneNeuron.paper002`).
    func points<T: ElementaryScalar>(_ a: [OneNeuron.CriticalPoint<T>], _ b: [OneNeuron.CriticalPoint<T>], d: (T, T),
                                     value: (T, T) -> OneNeuronReport.Value) throws -> [OneNeuronReport.Point] {
        typealias Q = OneNeuronReport.Quantity
        typealias E = OneNeuronReport.Eigenvalue
        return try zip(a, b).map { x, y in
            let index = x.sign > 0 ? "0" : "d - 1"
            if rows > 1 {
                let (p, q) = (try OneNeuron.equalRows(x, rows: rows, d: d.0), try OneNeuron.equalRows(y, rows: rows, d: d.1))
                let labels = ["t⊗t": "on 1_K ⊗ 1", "t⊗s": "on 1_K ⊗ 1^⊥", "s⊗t": "on 1_K^⊥ ⊗ 1 (the split lines)", "s⊗s": "on 1_K^⊥ ⊗ 1^⊥"]
                return .init(sign: x.sign, kind: "saddle of index \(p.index)", index: p.index,
                             quantities: [Q(key: "c", label: "c (each of the \(rows) rows is c 1^T)", value: value(p.c, q.c)), Q(key: "loss", label: "loss", value: value(x.loss, y.loss))],
                             eigenvalues: zip(p.eigenvalues, q.eigenvalues).map { a, b in
                                 E(irrep: a.irrep, multiplicity: a.multiplicity, label: labels[a.irrep]!, value: value(a.value, b.value))
                             })
            }
            guard units == .paper002 else {
                return .init(sign: x.sign, kind: Self.kind(x.sign), index: index,
                             quantities: [Q(key: "c", label: "c", value: value(x.c, y.c)), Q(key: "loss", label: "loss", value: value(x.loss, y.loss))],
                             eigenvalues: [E(irrep: "t", multiplicity: "1", label: "on 1", value: value(x.trivial, y.trivial)),
                                           E(irrep: "s", multiplicity: "d - 1", label: "on 1^⊥", value: value(x.standard, y.standard))])
            }
            let (p, q) = (try OneNeuron.paper002(x, d: d.0), try OneNeuron.paper002(y, d: d.1))
            return .init(sign: x.sign, kind: Self.kind(x.sign), index: index,
                         quantities: [Q(key: "norm_times_a", label: "||w|| a (the hyperbola (t w, a/t); here a = 1)", value: value(p.product, q.product)),
                                      Q(key: "similarity", label: "u = w.v_i/||w||", value: value(p.similarity, q.similarity)),
                                      Q(key: "loss", label: "loss E[(f - f*)^2]", value: value(p.loss, q.loss))],
                         eigenvalues: [E(irrep: "a", multiplicity: "1", label: "along the hyperbola", value: value(p.hyperbola, q.hyperbola)),
                                       E(irrep: "t", multiplicity: "1", label: "on span(1, a), 1 + ||w||^2", value: value(p.along, q.along)),
                                       E(irrep: "s", multiplicity: "d - 1", label: "on 1^⊥", value: value(p.standard, q.standard))])
        }
    }

    func atDimension(_ d: Double, _ display: DisplayDigits) throws -> OneNeuronReport {
        let (x, y) = (BigFloat(d, precision: precision), BigFloat(d, precision: 2 * precision))
        let list = try points(try OneNeuron.criticalPoints(d: x), try OneNeuron.criticalPoints(d: y), d: (x, y)) { .number(backed($0, $1, display)) }
        let number = BigFloat(d, precision: 64).formatted(significantDigits: 17)
        return OneNeuronReport(at: "d = \(number)", d: number, units: units.rawValue, points: list,
                               header: "closed forms at \(precision) and \(2 * precision) bits, digits shown agree\(units.header)")
    }

    func series(_ display: DisplayDigits) throws -> OneNeuronReport {
        typealias S = PuiseuxSeries<BigFloat>
        let (x, y) = (S.d(context: SeriesContext(precision: precision, relativeTerms: relativeTerms)), S.d(context: SeriesContext(precision: 2 * precision, relativeTerms: relativeTerms)))
        let list = try points(try OneNeuron.criticalPoints(d: x), try OneNeuron.criticalPoints(d: y), d: (x, y)) { a, b in
            let cut = length.length.cut(a.terms, exponent: \.dExponent, known: a.dOrder)
            let zero = BigFloat(0, precision: 2 * precision)
            return .series(cut.kept.map { t in (t.dExponent, backed(t.coefficient, b.terms.first { $0.dExponent == t.dExponent }?.coefficient ?? zero, display)) }, order: cut.order)
        }
        return OneNeuronReport(at: "as d -> infinity", d: nil, units: units.rawValue, points: list,
                               header: "the closed forms as Puiseux series at \(precision) and \(2 * precision) bits, \(length.length.words) each, digits shown agree\(units.header)")
    }
}

/// `--units`: this toolkit's conventions or paper 002's (Docs/one-neuron.md, "Paper 002's units").
enum Units: String, ExpressibleByArgument, CaseIterable {
    case ours, paper002 = "002"

    var header: String {
        self == .ours ? "" : "; in paper 002's units: output weight a free, loss E[(f - f*)^2] (twice ours), the Hessian in (w, a) at a = 1"
    }
}

import ArgumentParser
import Numbers
import Export
import Landscape
import Solvers

/// `puiseux few-neurons`: students narrower than the teacher whose rows are constant on column
/// blocks (paper 002; `ColumnBlockStudent`, `FewNeurons`).
struct FewNeuronsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "few-neurons",
        abstract: "Critical points of a student of K rows (K < d allowed), each constant on column blocks, at one d.",
        discussion: """
            The fixed-point space of S_{d-s} x S_{n_2} x ... acting on the columns of M(K, d) \
            (rows not permuted): row i has one value on each column block (--blocks in the \
            block notation of --isotropy: d, d-1,1, d-2,1,1, ...). Newton on the gradient from \
            --starts random starts (Double), the distinct end points up to permuting the rows \
            and equal blocks, polished in MPFR at BITS and BITS + 64 (digits shown agree); \
            points with a zero row or two (anti)parallel rows, where L is not twice \
            differentiable, are left out. Each with its loss, the index on the fixed-point space \
            and, for integer d with K d <= 900, the index and zero eigenvalues of the whole K d x \
            K d Hessian. K = 1 gives only c+ 1 and c- 1 (Docs/one-neuron.md).

            Examples:
              puiseux few-neurons --rows 2 --blocks d-1,1 --d 10 --starts 60
              puiseux few-neurons --rows 2 --blocks d-2,1,1 --d 10 --starts 40 --format json

            Exit status: 0 success, 1 a computation failed, 2 bad usage.
            """)

    @Option(help: "K, the number of rows (1...6).")
    var rows: Int

    @Option(help: "The column blocks in block notation: d, d-1,1, d-2,2, d-2,1,1, ...")
    var blocks: String

    @Option(name: .customLong("d"), help: "The dimension d (real, at least the small blocks' total + 1; at most 1e6).")
    var dimension: Double

    @Option(help: "Random starts of the search (1...5000).")
    var starts: Int = FewNeurons.defaultStarts

    @Option(help: PrecisionRule.help("every digit shown is confirmed at this plus 64."))
    var precision: Int = 256

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var shown: DigitsOption

    @OptionGroup var destination: OutputFile

    func validate() throws {
        try OutputFormat.require(format, in: [.text, .json], command: "few-neurons")
        try PrecisionRule.validate(precision)
        guard (1...6).contains(rows) else { throw ValidationError("--rows must be between 1 and 6 (got \(rows))") }
        let small = try IsotropyArgument.smallBlocks(blocks)
        guard small.count <= 4 else { throw ValidationError("--blocks: at most 4 small blocks (got \(small.count))") }
        let least = Double(small.reduce(0, +) + 1)
        guard dimension.isFinite, dimension >= least, dimension <= 1e6 else {
            throw ValidationError("--d must be between \(Int(least)) (a column in the big block) and 1e6 (got \(dimension))")
        }
        guard (1...5000).contains(starts) else { throw ValidationError("--starts must be between 1 and 5000 (got \(starts))") }
    }

    func run() throws {
        try destination.redirect()
        let student = ColumnBlockStudent(rows: rows, smallBlocks: try IsotropyArgument.smallBlocks(blocks))
        let points = try search(student)
        let report = layout(student, points)
        print(format == .json ? report.json : report.text)
    }

    func search(_ student: ColumnBlockStudent) throws -> [FewNeurons.Point] {
        do {
            Progress.report("few-neurons: \(starts) starts")
            defer { Progress.clear() }
            return try FewNeurons.criticalPoints(student, d: dimension, starts: starts, precision: precision)
        } catch {
            throw CLIFailure(computation: "few-neurons: \(error)")
        }
    }

    /// Each value with the digits its P and P + 64 bit computations agree on, shown by --digits.
    func layout(_ student: ColumnBlockStudent, _ points: [FewNeurons.Point]) -> FewNeuronsReport {
        let display = shown.display(forPeople: format.isForPeople)
        func backed(_ x: BigFloat, _ y: BigFloat) -> String {
            ConfirmedDigits.shown(x, confirmedBy: y, precision: precision, display: display, marked: format == .text)
        }
        let r = student.blockCount
        let d = BigFloat(dimension, precision: 64).formatted(significantDigits: 17)
        let sizes = [student.smallTotal == 0 ? "d" : "d-\(student.smallTotal)"] + student.smallBlocks.map(String.init)
        return FewNeuronsReport(
            student: student.description, blocks: sizes.map { "block of \($0)" }, d: d, precision: precision, starts: starts,
            points: points.map { p in
                FewNeuronsReport.Point(rows: (0..<student.rows).map { i in (0..<r).map { backed(p.coordinates[i * r + $0], p.confirmation[i * r + $0]) } },
                                       loss: backed(p.loss, p.confirmedLoss), restrictedIndex: p.restrictedIndex, index: p.index, zeros: p.zeros)
            })
    }
}

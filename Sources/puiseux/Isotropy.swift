import ArgumentParser
import Foundation
import Export
import Landscape

/// `puiseux isotropy --csv FILE`: the largest diagonal-type isotropy of a weight matrix.
struct Isotropy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the isotropy Δ(S_{n_1} x ... x S_{n_r}) of a k x d matrix (k >= d) up to row and column permutations.",
        discussion: """
            The CSV file holds k rows of d comma-separated numbers (no header); '#' starts a \
            comment and blank lines are skipped. Entries in one orbit must agree with their \
            average to --tolerance x max |W_ij|. Prints the isotropy in the notation \
            Δ(S_{d-p} x S_p), m = k - d, the permutations to the standard layout (1-based: \
            layout row i is input row row_permutation[i]), and the fixed-point coordinates \
            (D_1, O_1, B_12, ..., E_11, ...) as orbit averages. A matrix with no block of \
            two or more indices is reported as "trivial" with d blocks of size 1. \
            Method and limits: Docs/isotropy-detection.md.

            Examples:
              puiseux isotropy --csv W.csv
              puiseux isotropy --csv W.csv --tolerance 1e-4 --format json

            Exit status: 0 success, 2 bad usage or input (unreadable file, ragged rows, \
            non-finite or non-numeric entries, k < d).
            """)

    /// Largest accepted input (the transposition search is O(d^3)).
    static let maximumColumns = 1_000
    static let maximumEntries = 1_000_000

    @Option(name: .long, help: ArgumentHelp("The matrix as CSV: k rows of d numbers.", valueName: "file"))
    var csv: String

    @Option(name: .long, parsing: .unconditional,
            help: "Relative tolerance: orbit entries may deviate from their average by this times max |W_ij|.")
    var tolerance: Double = 1e-6

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        try OutputFormat.require(format, in: [.text, .json], command: "isotropy")
        guard tolerance > 0, tolerance.isFinite else {
            throw ValidationError("--tolerance must be a positive finite number (got \(tolerance))")
        }
    }

    @OptionGroup var destination: OutputFile

    func run() throws {
        try destination.redirect()
        let w = try Isotropy.readMatrix(path: csv)
        let found: DetectedIsotropy
        do {
            found = try DetectedIsotropy.detect(w, relativeTolerance: tolerance)
        } catch let error as DetectedIsotropy.DetectionError {
            throw CLIFailure(usage: "\(csv): \(error.description)")
        }
        print(format == .json ? Isotropy.report(found).json : Isotropy.report(found).text)
    }

    /// Reads and checks the CSV file; every problem is a usage failure naming the line.
    static func readMatrix(path: String) throws -> [[Double]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIFailure(usage: "cannot read '\(path)'")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIFailure(usage: "'\(path)' is not UTF-8 text")
        }
        var rows = [[Double]]()
        for (number, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            if line.allSatisfy(\.isWhitespace) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            var row = [Double]()
            for (column, field) in fields.enumerated() {
                let entry = field.trimmingCharacters(in: .whitespaces)
                let place = "\(path): line \(number + 1) (row \(rows.count + 1)), column \(column + 1)"
                guard let value = Double(entry), !entry.hasPrefix("0x"), !entry.hasPrefix("-0x") else {
                    throw CLIFailure(usage: entry.isEmpty ? "\(place): empty entry" : "\(place): '\(entry)' is not a number")
                }
                guard value.isFinite else { throw CLIFailure(usage: "\(place): '\(entry)' is not a finite number") }
                row.append(value)
            }
            if let first = rows.first, first.count != row.count {
                throw CLIFailure(usage: "\(path): line \(number + 1) (row \(rows.count + 1)) has \(row.count) entries, row 1 has \(first.count)")
            }
            rows.append(row)
            guard rows.count * row.count <= maximumEntries, row.count <= maximumColumns else {
                throw CLIFailure(usage: "\(path): the matrix is too large (at most \(maximumColumns) columns and \(maximumEntries) entries)")
            }
        }
        guard let first = rows.first else { throw CLIFailure(usage: "\(path): no matrix rows (the file is empty or only comments)") }
        guard rows.count >= first.count else {
            throw CLIFailure(usage: "\(path): the matrix has k = \(rows.count) rows and d = \(first.count) columns; isotropy detection needs k >= d")
        }
        return rows
    }

    /// The detection as Export lays it out.
    static func report(_ found: DetectedIsotropy) -> IsotropyReport {
        IsotropyReport(d: found.d, k: found.k, blockSizes: found.blockSizes, isTrivial: found.isTrivial, description: found.description,
                       rowPermutation: found.rowPermutation, columnPermutation: found.columnPermutation,
                       coordinates: zip(found.coordinates, found.values).map { ($0.description, $1) },
                       maxDeviation: found.maxDeviation, tolerance: found.absoluteTolerance)
    }
}

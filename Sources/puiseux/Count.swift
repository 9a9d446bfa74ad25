import ArgumentParser
import Foundation
import Numbers
import Export
import Solvers

/// `puiseux count`: paper 004's numbers of affine subspaces, exactly: T(r, m) for the expansion
/// manifold of an irreducible point of width r in a network of width m (Theorem 3.1), by the
/// number of zero-type groups with each subspace's dimension, and G(r, m) critical subspaces
/// (Prop. 4.3); with --ratios, the ratios of eq. 5 and the sum of eq. 6 over a range of widths.
struct Count: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Paper 004's counts of symmetry-induced affine subspaces, G(r, m) and T(r, m), exactly; with --ratios, its eqs. 5 and 6.",
        discussion: """
            A network f(x) = sum_i a_i sigma(w_i . x) of width m, w_i in R^din, a_i in R^dout. \
            An irreducible point of width r (distinct w_1 ... w_r, no a_t = 0) expands to \
            T(r, m) affine subspaces of width-m points with the same function: which neurons \
            copy each w_t, and how the others split into j unlabelled zero-type groups (a shared \
            w', outputs summing to 0); a subspace with j such groups has dimension \
            dout (m - r - j) + j din. G(r, m) = r! S(m, r) of them have no zero-type neuron: \
            at a critical point of width r they are the critical subspaces, of dimension m - r. \
            Counts are exact (GMP) and printed in full (Docs/subspace-counts.md).

            --ratios --rstar R --m A:B: for each m, R_k = G(R - k, m)/T(R, m) (eq. 5) for \
            k = 1 ... R - 1 and sum_k C(R - 1, k - 1) R_k (eq. 6, the largest a_k it allows) \
            against ((R - 1)/R)^m; the first m where each is below 1 and the smallest m from \
            which eq. 6 holds. The values are exact rationals, shown to 16 significant digits \
            in every format (--digits N: N; --digits all: the fractions).

            Examples:
              puiseux count --r 3 --m 4
              puiseux count --r 5 --m 60 --din 3 --dout 2 --format json
              puiseux count --ratios --rstar 4 --m 4:12 --digits 6

            Exit status: 0 success, 1 a computation failed, 2 bad usage.
            """)

    /// The widest network counted. The counts themselves are quick (a row of Stirling numbers,
    /// O(m^2) big additions: 0.2 s at m = 1000 in a debug build), but m = 1000 already prints up
    /// to 1000 rows of counts with up to 2568 digits each; past that the output is no longer
    /// something to read.
    static let largestWidth = 1_000

    /// The largest d_in and d_out: keeps each dimension dout (m - r - j) + j din below 10^10.
    static let largestDimension = 1_000_000

    /// At most this many ratios R_k(r*, m) in one --ratios table ((B - A + 1)(r* - 1)): each is an
    /// exact quotient of integers with up to 2568 digits, reduced by a gcd and rounded; 20 000 of
    /// them take about 2 s in a debug build.
    static let largestRatioTable = 20_000

    /// The most characters of numbers one --ratios table may print (10 MB): (B - A + 1)(r* - 1)
    /// ratios of N digits each (--digits N), or with --digits all exact fractions whose numerator
    /// and denominator are at most m^m (T(r*, m) counts maps [m] -> [m] up to renaming, and so
    /// does each G), up to 2 m log10 m digits.
    static let largestRatioOutput = 10_000_000

    /// An exact ratio has no last digit: --ratios shows 16 significant digits in every format
    /// unless --digits says otherwise (JSON and CSV too, where other commands show every backed digit).
    var ratioDisplay: DisplayDigits { shown.digits == nil ? .readable : shown.display(forPeople: true) }

    /// The characters of one ratio shown by `ratioDisplay` at widths up to m, at most.
    func ratioCharacters(upTo m: Int) -> Int {
        // Sign, point, exponent; an N past the whole budget is refused anyway (and must not overflow).
        if case .count(let n) = ratioDisplay { return min(n, Self.largestRatioOutput) + 8 }
        return 2 * Int((Double(m) * log10(Double(m))).rounded(.up)) + 3
    }

    @Option(name: .customLong("r"), parsing: .unconditional, help: "The width r of the irreducible point (1 ... m).")
    var width: Int?

    @Option(name: .customLong("m"), parsing: .unconditional, help: "The width m of the network (r ... \(largestWidth)); with --ratios a range A:B (r* <= A <= B).")
    var widths: String

    @Option(name: .customLong("din"), parsing: .unconditional, help: "The input dimension d_in (1 ... \(largestDimension); default 1).")
    var inputDimension: Int?

    @Option(name: .customLong("dout"), parsing: .unconditional, help: "The output dimension d_out (1 ... \(largestDimension); default 1).")
    var outputDimension: Int?

    @Flag(help: "Eqs. 5 and 6 for --rstar over the widths --m A:B instead of the counts.")
    var ratios = false

    @Option(name: .customLong("rstar"), parsing: .unconditional, help: "With --ratios: the minimal width r* (2 ... A).")
    var minimalWidth: Int?

    @Option(help: "Output format: text, json, csv or latex.")
    var format: OutputFormat = .text

    @Flag(help: "With --format latex: a complete document instead of a table fragment.")
    var standalone = false

    @OptionGroup var shown: DigitsOption

    @OptionGroup var destination: OutputFile

    func validate() throws {
        if ratios {
            guard width == nil else { throw ValidationError("--r is not used with --ratios (the minimal width is --rstar)") }
            guard inputDimension == nil, outputDimension == nil else { throw ValidationError("--din and --dout do not enter eqs. 5 and 6: give them without --ratios") }
            guard let rStar = minimalWidth else { throw ValidationError("--ratios needs --rstar R (the minimal width, at least 2)") }
            guard rStar >= 2 else { throw ValidationError("--rstar must be at least 2 (got \(rStar)): eq. 5 compares with a width r* - k >= 1") }
            let range = try widthRange()
            guard rStar <= range.lowerBound else { throw ValidationError("--rstar must be at most the first width of --m (got r* = \(rStar), m from \(range.lowerBound)): T(r*, m) needs m >= r*") }
            let cells = range.count * (rStar - 1)
            guard cells <= Self.largestRatioTable else {
                throw ValidationError("--ratios would compute \(cells) ratios (\(range.count) widths x \(rStar - 1) values of k); at most \(Self.largestRatioTable): narrow --m")
            }
            let characters = cells * ratioCharacters(upTo: range.upperBound)
            guard characters <= Self.largestRatioOutput else {
                throw ValidationError("--ratios would print up to \(characters) characters (\(range.count) widths x \(rStar - 1) ratios); at most \(Self.largestRatioOutput): narrow --m or lower --digits")
            }
        } else {
            guard minimalWidth == nil else { throw ValidationError("--rstar needs --ratios") }
            guard shown.digits == nil else { throw ValidationError("--digits applies to --ratios: the counts are exact integers, printed in full") }
            guard let r = width else { throw ValidationError("count needs --r R (the width of the irreducible point)") }
            guard !widths.contains(":") else { throw ValidationError("--m A:B needs --ratios; the counts take one width --m M") }
            let m = try Self.parseWidth(widths)
            guard r >= 1 else { throw ValidationError("--r must be at least 1 (got \(r))") }
            guard r <= m else { throw ValidationError("--r must be at most --m (got r = \(r), m = \(m)): a point of width r expands only to m >= r") }
            for (name, value) in [("--din", inputDimension), ("--dout", outputDimension)] {
                if let value, !(1...Self.largestDimension).contains(value) {
                    throw ValidationError("\(name) must be between 1 and \(Self.largestDimension) (got \(value))")
                }
            }
        }
    }

    /// One width: a whole number 1 ... largestWidth.
    static func parseWidth(_ text: String) throws -> Int {
        guard let m = Int(text.trimmingCharacters(in: .whitespaces)), m >= 1 else {
            throw ValidationError("--m must be a whole number of at least 1, or with --ratios a range A:B (got '\(text)')")
        }
        guard m <= largestWidth else {
            throw ValidationError("--m must be at most \(largestWidth) (got \(m)): the counts there already have thousands of digits")
        }
        return m
    }

    /// --m as A:B (or one width M, the range M:M).
    func widthRange() throws -> ClosedRange<Int> {
        let parts = widths.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count) else { throw ValidationError("--m must be a range A:B of widths (got '\(widths)')") }
        let (a, b) = (try Self.parseWidth(parts[0]), try Self.parseWidth(parts.last!))
        guard a <= b else { throw ValidationError("--m A:B needs A <= B (got '\(widths)')") }
        return a...b
    }

    func run() throws {
        try destination.redirect()
        if ratios {
            print(try ratioReport(ratioDisplay).formatted(format, standalone: standalone))
        } else {
            print(try countReport().formatted(format, standalone: standalone))
        }
    }

    /// G, T and T by zero-type groups at (r, m).
    func countReport() throws -> SubspaceCountReport {
        let count = SubspaceCount(r: width!, m: try Self.parseWidth(widths), inputDimension: inputDimension ?? 1, outputDimension: outputDimension ?? 1)
        return SubspaceCountReport(
            r: count.r, m: count.m, inputDimension: count.inputDimension, outputDimension: count.outputDimension,
            criticalSubspaces: count.criticalSubspaces, criticalDimension: count.criticalDimension, expansionSubspaces: count.expansionSubspaces,
            byZeroGroups: count.byZeroGroups.map { SubspaceCountReport.ZeroGroups(j: $0.j, count: $0.count, dimension: $0.dimension) })
    }

    /// Eqs. 5 and 6 at every width of the range.
    func ratioReport(_ display: DisplayDigits) throws -> SubspaceRatioReport {
        let table = SubspaceRatios(minimalWidth: minimalWidth!, widths: try widthRange()) { m in Progress.report("count --ratios: m = \(m)") }
        Progress.clear()
        return SubspaceRatioReport(
            minimalWidth: table.minimalWidth, widths: table.widths,
            rows: table.rows.map { SubspaceRatioReport.Row(m: $0.m, ratios: $0.ratios, weightedSum: $0.weightedSum, bound: $0.bound, holds: $0.holds) },
            firstBelowOne: table.firstBelowOne, sumFirstBelowOne: table.sumFirstBelowOne, holdsFrom: table.holdsFrom, display: display)
    }
}

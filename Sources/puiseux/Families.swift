import ArgumentParser
import Foundation
import Landscape
import Export
import Numbers
import Solvers

/// `puiseux families`: the catalogue of the eight families of paper 000.
struct Families: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "families",
        abstract: "List the catalogue of critical-point families (paper 000, MATH.md section 3).",
        discussion: """
            Each family has a name that other commands accept, its isotropy Δ(S_{d-p} x S_p), \
            the number m of extra neurons (k = d + m), its type (I: D_1 -> -1, II: D_1 -> +1), \
            its limit c_inf in the paper's coordinate order, and the ramification b that paper \
            000 reports (the series in t = d^(-1/b)).

            Examples:
              puiseux families
              puiseux families --format json
              puiseux families --isotropy d-1,1 --extra 2
              puiseux families --isotropy d-2,2 --extra 0 --search

            --search: the families of any isotropy, found from its critical points at --d (the \
            search of `critical`, --starts starts): each point of exactly this isotropy is \
            followed to d = 1e8 and its limit read off (one entry per type and limit), with the \
            `family --from` command that computes its series; points of a larger isotropy are \
            counted, not listed. Exit 2 on a bad isotropy, 1 when the search fails.
            """)


    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var selection: CatalogueSelection

    @Flag(help: "Find the families of --isotropy/--extra from their critical points at --d, instead of listing the catalogue.")
    var search = false

    @Option(name: .customLong("d"), help: "With --search: the integer d of the search (6...60).")
    var dimension: Int = 20

    @Option(help: "With --search: starts of the critical-point search (1...1000).")
    var starts: Int = CriticalPointFinder.defaultStarts

    func validate() throws {
        try OutputFormat.require(format, in: [.text, .json], command: "families")
        guard !search || selection.isotropy != nil else { throw ValidationError("--search needs --isotropy (and --extra, default 0)") }
        guard (6...60).contains(dimension) else { throw ValidationError("--d must be between 6 and 60 (got \(dimension))") }
        guard (1...1_000).contains(starts) else { throw ValidationError("--starts must be between 1 and 1000 (got \(starts))") }
    }

    @OptionGroup var destination: OutputFile

    func run() throws {
        if search { return try runSearch() }
        let families = try selection.families(from: FamilyCatalogue.families)
        try destination.redirect()
        let report = CatalogueReport(entries: families.map { f in
            CatalogueReport.Entry(name: f.name, p: f.p, extraRows: f.extraRows, type: f.type.rawValue, isotropy: f.pattern.description,
                                  coordinates: f.pattern.coordinates.map(\.description), limit: f.limit, ramification: f.expectedRamification)
        })
        print(format == .json ? report.json : report.text)
    }

    /// `--search`: the discovery at --d, laid out by Export.
    func runSearch() throws {
        let pattern = try IsotropyArgument.pattern(selection.isotropy!, extra: selection.extra ?? 0)
        guard dimension >= pattern.minimumDimension else {
            throw ValidationError("--d \(dimension) does not fit --isotropy \(selection.isotropy!): the blocks need d >= \(pattern.minimumDimension)")
        }
        Progress.report("families of \(pattern.blockNotation): search at d = \(dimension)")
        let discovery: FamilyDiscovery
        do {
            discovery = try FamilyDiscovery(pattern: pattern, d: dimension, starts: starts, precision: 192)
        } catch {
            throw CLIFailure(computation: "families --search: \(error)")
        }
        Progress.clear()
        try destination.redirect()
        let report = DiscoveryReport(
            isotropy: pattern.blockNotation, patternDescription: pattern.description, extraRows: pattern.extraRows, d: dimension,
            coordinates: pattern.coordinates.map(\.description),
            entries: discovery.found.map { f in
                DiscoveryReport.Entry(name: f.family.name, type: f.family.type.rawValue, limit: f.family.limit,
                                      loss: f.point.loss.formatted(significantDigits: 10), index: f.index, restrictedIndex: f.restrictedIndex,
                                      point: f.point.coordinates.map { $0.formatted(significantDigits: 17) })
            },
            unfollowed: discovery.unfollowed.map { (String(format: "%.10g", $0.loss), $0.reason) },
            largerIsotropyCount: discovery.largerIsotropyCount)
        print(format == .json ? report.json : report.text)
    }
}

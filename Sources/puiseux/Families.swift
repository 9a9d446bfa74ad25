import ArgumentParser
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
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var selection: CatalogueSelection

    @OptionGroup var destination: OutputFile

    func run() throws {
        let families = try selection.families(from: FamilyCatalogue.families)
        try destination.redirect()
        let report = CatalogueReport(entries: families.map { f in
            CatalogueReport.Entry(name: f.name, p: f.p, extraRows: f.extraRows, type: f.type.rawValue, isotropy: f.pattern.description,
                                  coordinates: f.pattern.coordinates.map(\.description), limit: f.limit, ramification: f.expectedRamification)
        })
        print(format == .json ? report.json : report.text)
    }
}

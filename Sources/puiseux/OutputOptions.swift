import ArgumentParser
import Export

extension ExpansionFormat: ExpressibleByArgument {}

/// Options shared by the subcommands that compute and print series.
struct OutputOptions: ParsableArguments {
    static let precisionRange = 32...65_536

    @Option(name: .long, parsing: .unconditional,
            help: "Working precision in bits (32...65536); numeric results are checked at twice this.")
    var precision: Int = 128

    @Option(name: .long, help: "Output format: text, json (see Docs/json-format.md) or latex.")
    var format: ExpansionFormat = .text

    func validate() throws {
        guard OutputOptions.precisionRange.contains(precision) else {
            throw ValidationError("--precision must be between \(OutputOptions.precisionRange.lowerBound) and \(OutputOptions.precisionRange.upperBound) bits (got \(precision))")
        }
    }
}

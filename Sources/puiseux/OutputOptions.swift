import ArgumentParser
import Export

extension OutputFormat: ExpressibleByArgument {
    /// One message for a format a command does not write: exit 2 naming the ones it does.
    static func require(_ format: OutputFormat, in supported: [OutputFormat], command: String) throws {
        guard supported.contains(format) else {
            throw ValidationError("--format \(format.rawValue) is not available for \(command) (\(list(supported)))")
        }
    }
}

/// Options shared by the subcommands that compute and print series.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional,
            help: PrecisionRule.help("numeric results are checked at twice this."))
    var precision: Int = 128

    @Option(name: .long, help: "Output format: text, json (see Docs/json-format.md) or latex.")
    var format: OutputFormat = .text

    func validate() throws {
        try PrecisionRule.validate(precision)
    }
}

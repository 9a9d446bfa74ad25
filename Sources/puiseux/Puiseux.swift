import ArgumentParser
import Foundation

/// The `puiseux` command: subcommands for Puiseux expansions as d -> infinity.
///
/// Exit status: 0 on success, 1 when a computation fails (domain error, undecidable at
/// the precision, budget exhausted), 2 for bad usage or a bad expression. Every failure
/// is one line on standard error starting with "error: ".
@main
struct Puiseux: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "puiseux",
        abstract: "Truncated Puiseux series in t = d^(-1/b) with exact rational and MPFR coefficients.",
        discussion: """
            Expressions use d, numbers (12, 0.1, 2.5e-3; decimals are exact), pi, + - * / ^ \
            and sqrt exp log sin cos asin acos atan. ^ binds tighter than a sign (-d^2 is \
            -(d^2)) and its exponent must be an exact rational constant: d^(1/2), (d+1)^2.5.

            Exit status: 0 success, 1 computation failure, 2 bad usage or expression.
            """,
        subcommands: [Expand.self, Critical.self, Isotropy.self, Families.self, Family.self, Spectrum.self, Minima.self, Arc.self, OneNeuronCommand.self, FewNeuronsCommand.self, Split.self, Count.self, Check.self])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            failure.exit()
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }  // --help, --version
            CLIFailure(usage: message(for: error)).exit()
        }
    }
}

/// A failure the CLI reports as one line on standard error with a given exit status.
struct CLIFailure: Error {
    var message: String
    var status: Int32

    /// Bad usage or a bad expression (status 2).
    init(usage message: String) {
        self.message = message
        status = 2
    }

    /// A computation that could not be completed (status 1).
    init(computation message: String) {
        self.message = message
        status = 1
    }

    /// Prints "error: <first line of the message>" and exits.
    func exit() -> Never {
        let line = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? "failed"
        let text = line.lowercased().hasPrefix("error:") ? line : "error: " + line
        FileHandle.standardError.write((text + "\n").data(using: .utf8)!)
        Foundation.exit(status)
    }
}

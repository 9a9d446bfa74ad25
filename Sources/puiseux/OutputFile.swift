import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `--output FILE`, shared by every subcommand: standard output goes to FILE (created or
/// truncated); errors and progress stay on standard error. An unwritable FILE is bad usage
/// (exit 2), found before any computation starts.
struct OutputFile: ParsableArguments {
    @Option(help: "Write the result to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard let output else { return }
        guard FileManager.default.createFile(atPath: output, contents: nil) else {
            throw ValidationError("cannot write --output '\(output)'")
        }
    }

    /// Points standard output at the file (call at the start of `run`).
    func redirect() throws {
        guard let output else { return }
        fflush(nil)
        let fd = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0, dup2(fd, 1) >= 0 else {
            throw CLIFailure(usage: "cannot write --output '\(output)'")
        }
        close(fd)
    }
}

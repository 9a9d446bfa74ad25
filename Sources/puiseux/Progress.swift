import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Progress lines on standard error for long runs: shown only when stderr is a terminal (never
/// in pipes, files or tests) and only once the run has taken more than a second; each line
/// overwrites the previous one, and `clear()` erases it before the result is printed.
enum Progress {
    nonisolated(unsafe) static var start = Date()
    nonisolated(unsafe) static var shown = false
    static let enabled = isatty(2) != 0

    static func report(_ message: String) {
        guard enabled, Date().timeIntervalSince(start) > 1 else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + message).utf8))
        shown = true
    }

    static func clear() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}

import Testing
import Foundation

/// Notebooks/*.ipynb executed headless against the built binary (slow: the notebooks compute
/// spectra of three families; run by `make check` when Jupyter and matplotlib are installed,
/// which `make notebooks` installs). Each notebook asserts on its own results (the verdicts,
/// series against exact eigenvalues).
@Suite("notebooks")
struct NotebookTests {
    static var jupyterAvailable: Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import nbconvert, ipykernel, matplotlib"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
    static var slow: Bool { ProcessInfo.processInfo.environment["PUISEUX_SLOW"] == "1" }

    @Test(.enabled(if: slow && jupyterAvailable), arguments: ["eigenvalues-vs-finite-d", "minima-to-saddles", "tangency-arcs", "few-neurons-and-splitting", "subspace-counts"])
    func executes(_ name: String) throws {
        let binary = try #require(CLI.binary)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("puiseux-notebooks-\(getpid())")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=1800",
                       "--output-dir", out.path, root.appendingPathComponent("Notebooks/\(name).ipynb").path]
        var environment = ProcessInfo.processInfo.environment
        environment["PUISEUX_BIN"] = binary.path
        environment["PUISEUX_FIGURES"] = out.path
        p.environment = environment
        let errors = Pipe()
        p.standardError = errors
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(name): \(message.suffix(2000))")
    }
}

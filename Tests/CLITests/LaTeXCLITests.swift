import Testing
import Foundation

@Suite("LaTeX tables")
struct LaTeXCLITests {
    static let pdflatex: String? = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("family --format latex is a booktabs table with one row per coordinate and the loss")
    func familyTable() throws {
        let r = try CLI.run(["family", "p0-m1-I", "--terms", "4", "--format", "latex"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\\toprule") && r.stdout.contains("\\bottomrule"))
        #expect(r.stdout.contains("$\\xi_{1} = D_{1}$") && r.stdout.contains("loss &"))
        #expect(r.stdout.components(separatedBy: "\\\\\n").count >= 5)
    }

    @Test("the standalone document compiles with pdflatex (when it is installed)",
          .enabled(if: pdflatex != nil))
    func compiles() throws {
        let r = try CLI.run(["family", "p0-m1-I", "--terms", "4", "--format", "latex", "--standalone"])
        #expect(r.status == 0)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("puiseux-latex-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try r.stdout.write(to: dir.appendingPathComponent("t.tex"), atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.pdflatex!)
        p.arguments = ["-interaction=nonstopmode", "-halt-on-error", "t.tex"]
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let pdf = try Data(contentsOf: dir.appendingPathComponent("t.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    /// pdflatex on a standalone document: its exit status and log.
    static func compile(_ tex: String) throws -> (status: Int32, log: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("puiseux-latex-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try tex.write(to: dir.appendingPathComponent("t.tex"), atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: pdflatex!)
        p.arguments = ["-interaction=nonstopmode", "-halt-on-error", "t.tex"]
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let log = (try? String(contentsOf: dir.appendingPathComponent("t.log"), encoding: .utf8)) ?? ""
        return (p.terminationStatus, log)
    }

    /// The tables `make test` compiles (fast); `make check` compiles every family's (below).
    static let quickTables: [[String]] = [
        ["family", "p1-m0-II", "--terms", "12", "--closed-forms"],
        ["spectrum", "p1-m0-II", "--terms", "3"],
        ["one-neuron", "--terms", "4"],
        ["one-neuron", "--terms", "4", "--units", "002"],
    ]

    /// Every table the CLI emits for the eight families: `family` with its loss and closed forms
    /// at 12 terms, `spectrum` at 6 terms.
    static var everyTable: [[String]] {
        ["p0-m0-I", "p0-m1-I", "p1-m0-I", "p1-m0-II", "p1-m1-I", "p1-m1-II", "p1-m2-I", "p1-m2-II"].flatMap { name in
            [["family", name, "--terms", "12", "--closed-forms"], ["spectrum", name, "--terms", "6"]]
        }
    }

    static var slow: Bool { ProcessInfo.processInfo.environment["PUISEUX_SLOW"] == "1" }

    @Test("tables fit the page: no Overfull \\hbox, no LaTeX error", .enabled(if: pdflatex != nil),
          arguments: quickTables + (slow ? everyTable : []))
    func tablesFit(_ arguments: [String]) throws {
        let r = try CLI.run(arguments + ["--format", "latex", "--standalone"], timeout: 900)
        #expect(r.status == 0, "\(r.stderr)")
        let (status, log) = try Self.compile(r.stdout)
        #expect(status == 0, "pdflatex failed on \(arguments)")
        #expect(!log.contains("Overfull \\hbox"), "\(arguments): \(log.components(separatedBy: "\n").filter { $0.contains("Overfull") })")
        #expect(!log.contains("Float too large"), "\(arguments): a float taller than the page")
        // One column per power of d, the O-term last.
        #expect(r.stdout.contains("D{.}{.}") && r.stdout.contains("O-term"))
    }

    @Test("spectrum --d with --format latex is a usage error")
    func latexNeedsSeries() throws {
        let r = try CLI.run(["spectrum", "p0-m0-I", "--d", "20", "--format", "latex"])
        #expect(r.status == 2)
    }
}

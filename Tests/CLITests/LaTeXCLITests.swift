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

    @Test("spectrum --d with --format latex is a usage error")
    func latexNeedsSeries() throws {
        let r = try CLI.run(["spectrum", "p0-m0-I", "--d", "20", "--format", "latex"])
        #expect(r.status == 2)
    }
}

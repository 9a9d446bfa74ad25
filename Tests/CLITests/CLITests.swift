import Testing
import Foundation

/// Runs the built `puiseux` binary. It is looked up beside the test bundle (the products
/// directory of whatever scratch path `swift test` used), then under the package's
/// `.build/debug`; `PUISEUX_BIN` overrides both.
enum CLI {
    static let binary: URL? = {
        let fm = FileManager.default
        var candidates = [URL]()
        if let override = ProcessInfo.processInfo.environment["PUISEUX_BIN"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {  // <products>/puiseuxPackageTests.xctest[/Contents/MacOS/...]
            candidates.append(directory.appendingPathComponent("puiseux"))
            directory = directory.deletingLastPathComponent()
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/puiseux"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath }
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `puiseux arguments...` and returns its status and output (killed after 60 s).
    static func run(_ arguments: [String], in directory: URL? = nil, timeout: Double = 60) throws -> Result {
        let executable = try #require(binary, "the puiseux binary was not found; build it or set PUISEUX_BIN")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        timer.cancel()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
    /// Runs `puiseux arguments...` and expects a failure with `status`: nothing on stdout and
    /// exactly one line on stderr starting with "error: " (equal to `message` if given).
    static func expectFailure(_ arguments: [String], status: Int32, message: String? = nil,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try run(arguments)
        #expect(r.status == status, "\(arguments): status \(r.status), stderr \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout == "", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1] == "", "not one line: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("error: "), sourceLocation: sourceLocation)
        if let message { #expect(r.stderr == message + "\n", sourceLocation: sourceLocation) }
    }
}

@Suite("puiseux command line")
struct CLITests {
    @Test("exact expansion as text")
    func exactText() throws {
        let r = try CLI.run(["expand", "sqrt(d^2 + d) - d", "--terms", "4"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == "1/2 - 1/8 d^(-1) + 1/16 d^(-2) - 5/128 d^(-3) + O(d^(-4))\n")
    }

    @Test("default is six terms; a leading minus is an expression, not an option")
    func defaults() throws {
        let r = try CLI.run(["expand", "-d^2 + sqrt(d^2 + d)"])
        #expect(r.status == 0)
        #expect(r.stdout == "-d^2 + d + 1/2 - 1/8 d^(-1) + 1/16 d^(-2) - 5/128 d^(-3) + O(d^(-4))\n")
    }

    @Test("arguments after -- are taken literally; unquoted words are joined")
    func terminator() throws {
        let r = try CLI.run(["expand", "--terms", "2", "--", "--d"])
        #expect(r.status == 0)
        #expect(r.stdout == "d\n")
        let words = try CLI.run(["expand", "d", "+", "1"])
        #expect(words.stdout == "d + 1\n")
    }

    @Test("numeric expansion as JSON")
    func numericJSON() throws {
        let r = try CLI.run(["expand", "acos(1 - 1/d)", "--terms", "4", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["ramification", "precision_bits", "order", "exact", "terms"])
        #expect(object["ramification"] as? Int == 2)
        #expect(object["precision_bits"] as? Int == 128)
        #expect(object["order"] as? String == "-9/2")
        #expect(object["exact"] as? Bool == false)
        let terms = try #require(object["terms"] as? [[String: Any]])
        #expect(terms.map { $0["exponent"] as? String } == ["-1/2", "-3/2", "-5/2", "-7/2"])
        for term in terms {
            #expect(Set(term.keys) == ["exponent", "coefficient", "digits"])
            let digits = try #require(term["digits"] as? Int)
            #expect(digits >= 30 && digits <= 38)  // floor(128 log10 2) = 38
            let coefficient = try #require(term["coefficient"] as? String)
            #expect(coefficient.filter(\.isNumber).drop { $0 == "0" }.count <= digits)
        }
        #expect((terms[0]["coefficient"] as? String)?.hasPrefix("1.41421356237309504880168872420969807") == true)
    }

    @Test("exact JSON carries rationals; a finite sum has a null order")
    func exactJSON() throws {
        let r = try CLI.run(["expand", "(d + 1)^2", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["order"] is NSNull)
        #expect(object["exact"] as? Bool == true)
        let terms = try #require(object["terms"] as? [[String: Any]])
        #expect(terms.map { $0["rational"] as? String } == ["1", "2", "1"])
        #expect(terms.map { $0["exponent"] as? String } == ["2", "1", "0"])
    }

    @Test("LaTeX and --order")
    func latexAndOrder() throws {
        let r = try CLI.run(["expand", "(d + 1)^(3/2) - d^(3/2)", "--order", "-3/2", "--format", "latex"])
        #expect(r.status == 0)
        #expect(r.stdout == "\\frac{3}{2}\\, d^{1/2} + \\frac{3}{8}\\, d^{-1/2} + \\mathcal{O}(d^{-3/2})\n")
    }

    @Test("--precision sets the digits")
    func precision() throws {
        let r = try CLI.run(["expand", "pi + 1/d", "--precision", "64", "--terms", "1", "--digits", "all"])
        #expect(r.status == 0)
        // pi at 64 bits is 3.14159265358979323851..., at 128 bits 3.14159265358979323846...:
        // they round alike to 18 digits, not to the 19 that 64 bits could hold.
        #expect(r.stdout == "3.14159265358979324 + O(d^(-1))\n")
        // --digits never shows more than is backed, and text marks a shortened value.
        let more = try CLI.run(["expand", "pi + 1/d", "--precision", "64", "--terms", "1", "--digits", "30"])
        #expect(more.stdout == r.stdout)
        let fewer = try CLI.run(["expand", "pi + 1/d", "--precision", "64", "--terms", "1", "--digits", "5"])
        #expect(fewer.stdout == "3.1416... + O(d^(-1))\n")
    }

    @Test("--numeric keeps the structure of the exact expansion")
    func numericFlag() throws {
        let r = try CLI.run(["expand", "sqrt(d^2 + d) - d - 1/2", "--numeric", "--terms", "2"])
        #expect(r.status == 0)
        #expect(r.stdout == "-0.125 d^(-1) + 0.0625 d^(-2) + O(d^(-3))\n")
    }

    @Test("bad input: one line on stderr, exit status 2", arguments: [
        (["expand", "sqrt("], "error: expected an expression after '(' at column 6 (end of input)"),
        (["expand", "d +* 2"], "error: expected an expression after '+' at column 4"),
        (["expand", "foo(d)"], "error: unknown function 'foo' at column 1: the functions are sqrt, exp, log, sin, cos, asin, acos, atan"),
        (["expand", "d", "--terms", "-1"], "error: --terms must be between 1 and 1000 (got -1)"),
        (["expand", "d", "--precision", "8"], "error: --precision must be between 64 and 16384 bits (got 8)"),
        (["critical", "--isotropy", "d", "--d", "10", "--format", "csv"], "error: --format csv is not available for critical (text or json)"),
        (["expand", "d", "--terms", "3", "--order", "-1"], "error: --terms and --order cannot be used together"),
        (["expand", "d", "--order", "x"], nil),
        (["expand", "d", "--format", "xml"], nil),
        (["expand"], nil),
        (["expand", "d", "--precison", "64"], "error: unknown option '--precison'"),
        (["expand", ""], "error: empty expression"),
        (["expand", "d^d"], "error: exponent depends on 'd' at column 3: an exponent must be an exact rational constant"),
        (["expand", String(repeating: "(", count: 300) + "d" + String(repeating: ")", count: 300)], nil),
        (["expand", "1e99999999999"], nil),
        (["expand", String(repeating: "sqrt(", count: 70) + "d" + String(repeating: ")", count: 70)], nil),
        (["expand", "((((((d^1024)^1024)^1024)^1024)^1024)^1024)^1024"], nil),
        (["frobnicate"], nil),
    ] as [([String], String?)])
    func usageErrors(_ arguments: [String], _ message: String?) throws {
        try CLI.expectFailure(arguments, status: 2, message: message)
    }

    @Test("computation failures: one line on stderr, exit status 1", arguments: [
        (["expand", "log(-d)"], nil),
        (["expand", "1 + log(-1 - 1/d)"], "error: domain error: log of a series with negative leading coefficient (in 'log' at column 5)"),
        (["expand", "acos(2)"], nil),
        (["expand", "sin(d)"], nil),
        (["expand", "exp(1/d)*exp(-1/d) - 1", "--numeric"],
         "error: found only 0 of 6 nonzero terms up to O(d^(-1025)) with the largest budget of 1024 terms; --order EXP asks for an O-term instead"),
        (["expand", "sqrt(d^2 + d) - d - (1/2 + 10^(-20))", "--numeric", "--precision", "64"],
         "error: cannot decide whether the coefficient of d^(0) is zero at 64 bits; raise --precision"),
    ] as [([String], String?)])
    func computationErrors(_ arguments: [String], _ message: String?) throws {
        try CLI.expectFailure(arguments, status: 1, message: message)
    }

    @Test("the examples in Docs/json-format.md are what the command prints")
    func jsonDocExamples() throws {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/json-format.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        // Each example is a ```json block followed by a line "(`puiseux expand ...`.)".
        let blocks = text.components(separatedBy: "```json\n").dropFirst().map { chunk -> (json: String, command: String) in
            let parts = chunk.components(separatedBy: "```\n")
            let commandLine = parts[1].split(separator: "\n").first.map(String.init) ?? ""
            return (parts[0], commandLine)
        }
        #expect(blocks.count == 2)
        for block in blocks {
            // (`puiseux expand "<expression>" options...`.)
            let quoted = block.command.split(separator: "\"", omittingEmptySubsequences: false)
            try #require(quoted.count == 3, "unexpected example line \(block.command)")
            let options = quoted[2].prefix { $0 != "`" }.split(separator: " ").map(String.init)
            let r = try CLI.run(["expand", String(quoted[1])] + options)
            #expect(r.status == 0)
            #expect(r.stdout == block.json, "\(block.command)")
        }
    }

    @Test("help lists the examples and the formats")
    func help() throws {
        let r = try CLI.run(["expand", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Examples:"))
        #expect(r.stdout.contains("puiseux expand \"acos(1 - 1/d)\" --terms 4 --format json"))
        #expect(r.stdout.contains("text, json, latex"))
        let root = try CLI.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("expand"))
    }

    /// The examples of a command's --help: the lines after "Examples:" up to a blank line, a
    /// line the help wrapped joined to the one before, split into words (double quotes group).
    static func examples(_ command: String) throws -> [[String]] {
        let help = try CLI.run([command, "--help"]).stdout.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let start = help.firstIndex(of: "Examples:") else { return [] }
        var lines: [String] = []
        for line in help[(start + 1)...] {
            if line.isEmpty { break }
            if line.hasPrefix("puiseux ") || lines.isEmpty { lines.append(line) } else { lines[lines.count - 1] += " " + line }
        }
        return lines.map { line in
            var words: [String] = [], word = "", quoted = false
            for c in line {
                if c == "\"" { quoted.toggle(); continue }
                if c == " " && !quoted { if !word.isEmpty { words.append(word); word = "" } } else { word.append(c) }
            }
            if !word.isEmpty { words.append(word) }
            return Array(words.dropFirst())
        }
    }

    static var slow: Bool { ProcessInfo.processInfo.environment["PUISEUX_SLOW"] == "1" }

    /// Whole-catalogue runs (check without --fast, minima) run in `make check` only.
    static func isSlow(_ arguments: [String]) -> Bool {
        arguments.first == "minima" || (arguments.first == "check" && !arguments.contains("--fast"))
    }

    /// Every subcommand; `helpListsEveryCommand` keeps this list equal to what `puiseux --help` lists.
    static let commands = ["expand", "critical", "isotropy", "families", "family", "spectrum", "check", "minima", "arc", "one-neuron", "few-neurons", "split", "count"]

    @Test("the commands whose examples are run are all that puiseux --help lists")
    func helpListsEveryCommand() throws {
        let help = try CLI.run(["--help"]).stdout
        let section = try #require(help.components(separatedBy: "SUBCOMMANDS:").last?.components(separatedBy: "See 'puiseux help").first)
        // A command's line starts with two spaces and its name; continuation lines are indented further.
        let listed = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
        #expect(Set(listed) == Set(Self.commands), "\(listed)")
    }

    @Test("every example in every command's --help runs as printed", arguments: CLITests.commands)
    func everyHelpExample(_ command: String) throws {
        let examples = try Self.examples(command)
        #expect(examples.count >= 2, "\(command) --help shows too few examples")
        // isotropy reads W.csv: a matrix with one repeated row (the examples' file).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("puiseux-examples-\(getpid())-\(command)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "1,0.5,0.5\n0.5,1,0.5\n0.5,0.5,1\n".write(to: dir.appendingPathComponent("W.csv"), atomically: true, encoding: .utf8)
        for arguments in examples where Self.slow || !Self.isSlow(arguments) {
            #expect(arguments.first == command)
            let r = try CLI.run(arguments, in: dir, timeout: Self.isSlow(arguments) ? 1800 : 120)
            #expect(r.status == 0, "puiseux \(arguments.joined(separator: " ")): \(r.stderr)")
        }
    }
}

import ArgumentParser
import Export
import Solvers

/// Output formats of the commands about a catalogued family (`family`, `spectrum`).
enum FamilyFormat: String, ExpressibleByArgument, CaseIterable { case text, json, latex }

/// The arguments `family` and `spectrum` share: the family's name, the precision, and
/// whether LaTeX output is a whole document.
struct FamilyArguments: ParsableArguments {
    @Argument(help: "The family's name, as listed by `puiseux families`.")
    var name: String

    @Option(help: "Working precision in bits (128...2048).")
    var precision: Int = 256

    @Flag(help: "With --format latex: a complete document instead of a table fragment.")
    var standalone = false

    func validate() throws {
        guard FamilyCatalogue.named(name) != nil else {
            throw ValidationError("unknown family '\(name)'; the families are \(FamilyCatalogue.families.map(\.name).joined(separator: ", "))")
        }
        guard (128...2048).contains(precision) else { throw ValidationError("--precision must be between 128 and 2048 bits (got \(precision))") }
    }

    /// The catalogued family (validated to exist).
    var family: Solvers.Family { FamilyCatalogue.named(name)! }

    /// `{"name", "isotropy", "extra", "type"}` for JSON output.
    var familyJSON: String {
        let f = family
        return "{\"name\": \(JSON.string(f.name)), \"isotropy\": \(JSON.string(f.pattern.description)), \"extra\": \(f.extraRows), \"type\": \(JSON.string(f.type.rawValue))}"
    }

    /// "$\Delta(S_{d-1} \times S_{1})$, $m = 1$" for captions.
    var latexIsotropy: String {
        let f = family
        let blocks = f.p == 0 ? ["S_{d}"] : ["S_{d-\(f.p)}", "S_{\(f.p)}"]
        return "$\\Delta(" + blocks.joined(separator: " \\times ") + ")$, $m = \(f.extraRows)$"
    }
}

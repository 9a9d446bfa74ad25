import ArgumentParser
import Foundation
import Numbers
import Expressions
import Export
import Solvers

/// `puiseux spectrum NAME`: the Hessian eigenvalues of a family by isotypic component, as
/// series in d (numeric route) or exactly at one d.
struct Spectrum: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Hessian eigenvalues of a family by isotypic component (t, s, x, y): series in d, or at one d.",
        discussion: """
            Components of S_{d-p}: trivial t (degree 1), standard s (d-p-1), exterior square x \
            ((q-1)(q-2)/2) and y (q(q-3)/2), q = d - p. With --d D: the eigenvalues of each \
            component at the family's critical point at d = D (no kd x kd matrix is formed), \
            digits backed by a second computation at precision + 64 bits. Without --d: each \
            eigenvalue as a series c_1 d + c_0 + c_{-1/b} d^(-1/b) + ... fitted from the exact \
            spectra at large d (Docs/table1.md), digits backed by a second, independent fit.

            Examples:
              puiseux spectrum p1-m0-II --d 1000000
              puiseux spectrum p1-m1-II --terms 4
              puiseux spectrum p1-m2-II --format json
            """)

    @OptionGroup var shared: FamilyArguments

    @Option(help: "A dimension d >= 10 (real) for the spectrum at that d; omit for the series.")
    var d: Double?

    @Option(parsing: .unconditional, help: "Series terms per eigenvalue in t = d^(-1/b): from its leading term (series method) or from d^1 (numeric) (3...12).")
    var terms: Int = 4

    @Option(help: "Route for the series: series (the series ring; leading terms from the Newton polygon of each characteristic polynomial; the default) or numeric (continuation and two fits, the independent check).")
    var method: FamilyMethod = .series

    @Option(help: "Output format: text, json or latex (series only: a booktabs table like paper 000's Table 1).")
    var format: FamilyFormat = .text

    func validate() throws {
        if d != nil && format == .latex { throw ValidationError("--format latex is for the series (omit --d)") }
        if let d { guard d.isFinite, d >= 10, d <= 1e30 else { throw ValidationError("--d must be between 10 and 1e30 (got \(d))") } }
        guard (3...12).contains(terms) else { throw ValidationError("--terms must be between 3 and 12 (got \(terms))") }
    }

    static let names = ["t", "s", "x", "y"]

    @OptionGroup var destination: OutputFile

    func run() throws {
        try destination.redirect()
        let family = try shared.resolve()
        if let d {
            try printFiniteSpectrum(family, at: d)
            return
        }
        let (components, header, ramification) = try method == .series ? seriesComponents(family) : numericComponents(family)
        printSeries(family, components: components, header: header, ramification: ramification)
    }

    /// The digits of x (at the working precision) that y (at the confirming one) backs.
    func backed(_ x: BigFloat, _ y: BigFloat) -> (text: String, digits: Int) {
        let confirmed = ConfirmedDigits(x, y, precision: shared.precision)
        return (confirmed.text(x) ?? "0", confirmed.count)
    }

    /// The degree of each component's eigenvalues as a formula in d.
    static func degreeFormulas(_ family: Solvers.Family) -> [String] {
        family.p == 0 ? ["1", "d - 1", "(d - 1)(d - 2)/2", "d(d - 3)/2"] : ["1", "d - 2", "(d - 2)(d - 3)/2", "(d - 1)(d - 4)/2"]
    }

    /// The exact spectrum at one d: the critical point at P and P + 64 bits, each component's
    /// eigenvalues with the digits both agree on.
    func printFiniteSpectrum(_ family: Solvers.Family, at d: Double) throws {
        let precision = shared.precision
        let (a, b): (IsotypicSpectrum, IsotypicSpectrum)
        do {
            let points = try FamilyCatalogue.criticalPoint(of: family, at: d, precision: precision, confirmation: precision + 64)
            (a, b) = (try IsotypicSpectrum(points.working), try IsotypicSpectrum(points.confirmation))
        } catch {
            throw CLIFailure(computation: "\(family.name) at d = \(d): \(error)")
        }
        let lists = [(a.trivial, b.trivial), (a.standard, b.standard), (a.exterior, b.exterior), (a.y, b.y)]
        let q = d - Double(family.p)
        let degrees = ["1", "\(Self.number(q - 1))", "\(Self.number((q - 1) * (q - 2) / 2))", "\(Self.number(q * (q - 3) / 2))"]
        switch format {
        case .text:
            print("\(family.name) at d = \(Self.number(d)): Hessian eigenvalues by component (multiplicity = degree)")
            for (i, (x, y)) in lists.enumerated() {
                print("  \(Self.names[i]) (degree \(degrees[i])): " + zip(x, y).map { backed($0, $1).text }.joined(separator: ", "))
            }
        case .csv:
            print(CSV.row(["irrep", "degree", "value", "digits"]))
            for (i, (x, y)) in lists.enumerated() {
                for (u, v) in zip(x, y) { let w = backed(u, v); print(CSV.row([Self.names[i], degrees[i], w.text, String(w.digits)])) }
            }
        case .json, .latex:
            let comps = lists.enumerated().map { i, pair in
                let values = zip(pair.0, pair.1).map { x, y -> String in
                    let v = backed(x, y)
                    return "{\"value\": \(JSON.string(v.text)), \"digits\": \(v.digits), \"sign\": \(x.sign)}"
                }
                return "    {\"irrep\": \"\(Self.names[i])\", \"degree\": \(JSON.string(degrees[i])), \"eigenvalues\": [\(values.joined(separator: ", "))]}"
            }
            print("{\n  \"family\": \(FamilyArguments.json(family)),\n  \"d\": \(JSON.string(Self.number(d))),\n  \"precision_bits\": \(precision),\n  \"components\": [\n\(comps.joined(separator: ",\n"))\n  ]\n}")
        }
    }

    /// The eigenvalue series by the numeric route: two fits of exact spectra at large d.
    func numericComponents(_ family: Solvers.Family) throws -> (components: [SpectrumComponent], header: String, ramification: Int) {
        let precision = shared.precision
        let bExponent = family.expectedRamification
        guard bExponent > 0 else {
            throw CLIFailure(computation: "\(family.name) is not in the catalogue: its eigenvalue series need its ramification (run `puiseux family` with the same --from); --d gives its exact spectrum at any d")
        }
        let (first, second): (NumericSpectrumExpansion, NumericSpectrumExpansion)
        Progress.report("\(family.name): exact spectra at large d (fits)")
        do {
            first = try NumericSpectrumExpansion.compute(family, ramification: bExponent, nodes: 12, range: (1e4, 1e8), precision: precision)
            second = try NumericSpectrumExpansion.compute(family, ramification: bExponent, nodes: 14, range: (2e4, 2e8), precision: precision + 64)
        } catch {
            throw CLIFailure(computation: "\(family.name): \(error)")
        }
        let header = "numeric route: two fits (12 nodes in [1e4, 1e8] at \(precision) bits, 14 in [2e4, 2e8] at \(precision + 64)) agree on the digits shown"
        let degreeFormulas = Self.degreeFormulas(family)
        let components = first.components.enumerated().map { i, component in
            let other = second.components[i].eigenvalues
            let order = Rational(bExponent - terms, bExponent)
            let list = component.eigenvalues.enumerated().map { e, coefficients in
                SpectrumEigenvalue(terms: (0..<terms).compactMap { j -> SpectrumTerm? in
                    let v = backed(coefficients[j], other[e][j])
                    return v.digits == 0 ? nil : SpectrumTerm(exponent: Rational(bExponent - j, bExponent), text: v.text, digits: v.digits, value: coefficients[j].doubleValue)
                }, order: order)
            }
            return SpectrumComponent(irrep: component.name, degree: degreeFormulas[i], eigenvalues: list)
        }
        return (components, header, bExponent)
    }

    /// The eigenvalue series in the series ring at P and 2P bits, the digits both agree on.
    func seriesComponents(_ family: Solvers.Family) throws -> (components: [SpectrumComponent], header: String, ramification: Int) {
        let precision = shared.precision
        let header = "series ring at \(precision) and \(2 * precision) bits (leading terms from the Newton polygon of each characteristic polynomial), digits shown agree; each eigenvalue to \(terms) terms from its leading one"
        let (a, b): (SeriesSpectrum, SeriesSpectrum)
        do {
            Progress.report("\(family.name): eigenvalue series at \(precision) and \(2 * precision) bits")
            (a, b) = try SeriesSpectrum.computeConfirmed(family, terms: terms, precision: precision, confirmation: 2 * precision)
            Progress.clear()
        } catch {
            throw CLIFailure(computation: "\(family.name): \(error)")
        }
        let degreeFormulas = Self.degreeFormulas(family)
        let components = a.components.enumerated().map { i, component in
            let other = b.components[i].eigenvalues
            let list = component.eigenvalues.enumerated().map { e, series -> SpectrumEigenvalue in
                let twin = other[e]
                let kept = series.terms.compactMap { term -> SpectrumTerm? in
                    let y = twin.terms.first { $0.dExponent == term.dExponent }?.coefficient ?? BigFloat(0, precision: precision)
                    let v = backed(term.coefficient, BigFloat(y, precision: precision))
                    return v.digits == 0 ? nil : SpectrumTerm(exponent: term.dExponent, text: v.text, digits: v.digits, value: term.coefficient.doubleValue)
                }
                return SpectrumEigenvalue(terms: kept, order: max(series.dOrder!, twin.dOrder!))
            }
            return SpectrumComponent(irrep: component.name, degree: degreeFormulas[i], eigenvalues: list)
        }
        return (components, header, a.ramification)
    }

    /// The eigenvalue series and the verdict in the requested format.
    func printSeries(_ family: Solvers.Family, components: [SpectrumComponent], header: String, ramification: Int) {
        let precision = shared.precision, standalone = shared.standalone
        let verdict = SpectrumVerdict(components: components, p: family.p)
        switch format {
        case .text:
            print("\(family.name): Hessian eigenvalues by component as d -> infinity (\(header))")
            for component in components {
                print("  \(component.irrep) (degree \(component.degree)):")
                for eigenvalue in component.eigenvalues {
                    let body = eigenvalue.terms.map { t in t.exponent == .zero ? t.text : (t.exponent == .one ? "\(t.text) d" : "\(t.text) d^(\(t.exponent))") }
                    var line = "    " + (body.isEmpty ? "0" : body.joined(separator: " + ").replacingOccurrences(of: "+ -", with: "- ")) + " + O(d^(\(eigenvalue.order)))"
                    if let change = eigenvalue.signChange { line += "   [truncated series vanishes at d = \(change)]" }
                    print(line)
                }
            }
            for line in verdict.lines { print("  \(line)") }
        case .latex:
            let names = ["t": "trivial", "s": "standard", "x": "exterior square", "y": "$(d-p-2, 2)$"]
            var rows = [[String]]()
            for component in components {
                for (k, eigenvalue) in component.eigenvalues.enumerated() {
                    let cell = LaTeXTable.series(eigenvalue.terms.map { ($0.exponent, $0.text) }, order: eigenvalue.order)
                    rows.append(k == 0 ? [names[component.irrep] ?? component.irrep, "$" + component.degree + "$", cell] : ["", "", cell])
                }
            }
            let table = LaTeXTable(
                caption: "Hessian eigenvalues of family \(family.name) (\(FamilyArguments.latexIsotropy(family)), type \(family.type)) by isotypic component; each eigenvalue has the multiplicity of its component's degree. Every digit agrees between two independent computations (\(method == .series ? "series ring at two precisions" : "two fits")). \(verdict.lines.first ?? "") Computed by puiseux.",
                header: ["component", "degree", "eigenvalue"], rows: rows)
            print(standalone ? table.standalone : table.fragment)
        case .csv:
            print(CSV.row(["irrep", "degree", "eigenvalue", "exponent", "coefficient", "digits"]))
            for component in components {
                for (k, eigenvalue) in component.eigenvalues.enumerated() {
                    for t in eigenvalue.terms { print(CSV.row([component.irrep, component.degree, String(k + 1), t.exponent.description, t.text, String(t.digits)])) }
                    print(CSV.row([component.irrep, component.degree, String(k + 1), eigenvalue.order.description, "O", ""]))
                }
            }
        case .json:
            let comps = components.map { component in
                let values = component.eigenvalues.map { eigenvalue -> String in
                    let t = eigenvalue.terms.map { "{\"exponent\": \(JSON.string($0.exponent.description)), \"coefficient\": \(JSON.string($0.text)), \"digits\": \($0.digits)}" }
                    return "{\"terms\": [\(t.joined(separator: ", "))], \"order\": \(JSON.string(eigenvalue.order.description)), \"sign\": \(eigenvalue.sign)"
                        + (eigenvalue.signChange.map { ", \"sign_change_d\": \(JSON.string($0))" } ?? "") + "}"
                }
                return "    {\"irrep\": \"\(component.irrep)\", \"degree\": \(JSON.string(component.degree)), \"eigenvalues\": [\(values.joined(separator: ", "))]}"
            }
            print("{\n  \"family\": \(FamilyArguments.json(family)),\n  \"ramification\": \(ramification),\n  \"precision_bits\": \(precision),\n  \"method\": \(JSON.string(method.rawValue)),\n  \"components\": [\n\(comps.joined(separator: ",\n"))\n  ],\n  \"verdict\": \(verdict.json)\n}")
        }
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

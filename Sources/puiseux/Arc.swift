import ArgumentParser
import Foundation
import Numbers
import Export
import Landscape
import Solvers

/// `puiseux arc`: a tangency arc from a minimum at integer d (paper 003; `TangencyArc`).
struct Arc: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The tangency arc of paper 003 from a minimum at integer d: steps and events.",
        discussion: """
            The points W at distance r from the minimum C where the loss on the sphere \
            ||W - C|| = r is critical (grad L + 2 eta (W - C) = 0), followed from r = 0 along \
            the eigenvector of the lowest Hessian eigenvalue (--sign + or -, the two ways along \
            it), in the fixed-point space of that eigenvector's isotropy, by pseudo-arclength \
            continuation. Per step: r, loss, eta and mu (the lowest eigenvalue of Hess L + 2 eta I \
            on the tangent space of the full sphere; mu > 0: a minimiser on the sphere). Events: \
            critical points (eta = 0; Newton on the gradient, full Hessian index), bifurcations \
            (mu = 0), folds (dr changes sign) and the end.

            Examples:
              puiseux arc p1-m0-II --d 10
              puiseux arc p0-m0-I --d 10 --sign=- --format json

            Exit status: 0 success, 1 the continuation stopped early (the steps and events so \
            far are printed, the last event says why), 2 bad usage (not a minimum at d, d too \
            small, a non-positive step).
            """)

    @OptionGroup var given: PointArguments

    @Option(help: "+ or -: the way along the eigenvector.")
    var sign: String = "+"

    @Option(help: "Follow the arc up to this distance r from the minimum (> 0).")
    var rmax: Double = 3

    @Option(help: "The largest step in arclength (> 0).")
    var step: Double = 0.05

    @Option(help: "Output format: text, json or csv (the steps).")
    var format: OutputFormat = .text

    @OptionGroup var destination: OutputFile

    func validate() throws {
        try OutputFormat.require(format, in: [.text, .json, .csv], command: "arc")
        guard sign == "+" || sign == "-" else { throw ValidationError("--sign must be + or - (got '\(sign)')") }
        guard rmax > 0, rmax.isFinite else { throw ValidationError("--rmax must be a positive number (got \(rmax))") }
        guard step > 0, step.isFinite, step <= rmax else { throw ValidationError("--step must be positive and at most --rmax (got \(step))") }
        try given.validate(maximumDimension: 40)
    }

    /// What the output calls the minimum.
    var label: String { given.label("minimum") }

    func run() throws {
        try destination.redirect()
        let (point, lowest) = try minimum()
        let direction: SoftestDirection, arc: TangencyArc
        do {
            direction = try SoftestDirection(point: point, eigenvalue: lowest)
            arc = try TangencyArc(from: point, direction: direction, sign: sign == "+" ? 1 : -1, rMax: rmax, step: step)
        } catch {
            throw CLIFailure(computation: "\(label) at d = \(given.dimension): \(error)")
        }
        let report = ArcReport(
            family: label, d: given.dimension, isotropy: direction.detected.description, sign: sign, lowestEigenvalue: lowest,
            signsRelated: arc.signsRelated,
            steps: arc.steps.map { ArcReport.Step(r: $0.r, loss: $0.loss, eta: $0.eta, mu: $0.mu) },
            events: arc.events.map { ArcReport.Event(kind: $0.kind.rawValue, r: $0.r, loss: $0.loss, index: $0.index, coordinates: $0.coordinates,
                                                     family: catalogueFamily($0), note: $0.note) })
        switch format {
        case .json: print(report.json)
        case .csv: print(report.csv)
        default: print(report.text)
        }
        if !arc.completed { throw CLIFailure(computation: "\(label) at d = \(given.dimension): \(arc.events.last?.note ?? "the arc stopped early")") }
    }

    /// The catalogue family a critical-point event belongs to (`FamilyCatalogue.member`).
    func catalogueFamily(_ event: TangencyArc.Event) -> String? {
        guard event.kind == .criticalPoint, let isotropy = event.isotropy else { return nil }
        return FamilyCatalogue.member(isotropy: isotropy, d: given.dimension, loss: event.loss)?.name
    }

    /// The minimum at d (the catalogue family's point, or Newton from --from), checked to be a
    /// minimum on the full Hessian, and its lowest Hessian eigenvalue.
    func minimum() throws -> (CriticalPoint, Double) {
        let point = try given.point(precision: 128, confirmation: 128).working
        guard let (negatives, _) = try FullHessianIndex.count(point), negatives == 0 else {
            throw CLIFailure(usage: "\(label) is not a minimum at d = \(given.dimension) (its Hessian has negative eigenvalues); arcs start at minima")
        }
        return (point, try IsotypicSpectrum(point).allEigenvalues.map(\.doubleValue).min()!)
    }
}

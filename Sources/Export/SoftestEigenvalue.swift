import Numbers

/// The smallest bounded Hessian eigenvalue for large d and its isotypic component (paper 003:
/// the component that carries it decides how the landscape bends away from a minimum).
///
/// Among the eigenvalues whose leading exponent is <= 0, two series are compared term by term
/// from the top power of d down: the first power at which their coefficients differ decides
/// (a term absent above a series' O-term is 0). Coefficients count as equal when their backed
/// texts are equal or their values agree to 1e-12 relative (the backed digits of the catalogue
/// are 30 or more; the Double values only order what differs). When the smallest and the next
/// one agree on every power above the lower of their O-terms, the comparison is undecided:
/// more terms are needed, and `tiedWith` names the other.
public struct SoftestEigenvalue {
    public let irrep: String
    public let eigenvalue: SpectrumEigenvalue
    /// The power of d at which it separates from the next smallest (nil: no other candidate).
    public let decidedAt: Rational?
    /// The next smallest's component, when they agree to every known order (undecided).
    public let tiedWith: String?

    /// nil when no eigenvalue is bounded or none has a backed term.
    public init?(components: [SpectrumComponent]) {
        let candidates = components.flatMap { c in c.eigenvalues.compactMap { e -> (String, SpectrumEigenvalue)? in
            guard let lead = e.terms.first, lead.exponent <= .zero else { return nil }
            return (c.irrep, e)
        } }
        guard var best = candidates.first else { return nil }
        for candidate in candidates.dropFirst() where Self.compare(candidate.1, best.1).order < 0 { best = candidate }
        // The runner-up: the smallest of the others, and where best separates from it.
        var decided: Rational? = nil, tie: String? = nil, runnerUp: SpectrumEigenvalue? = nil
        for candidate in candidates where !(candidate.0 == best.0 && candidate.1.terms.map(\.text) == best.1.terms.map(\.text) && candidate.1.order == best.1.order) {
            if runnerUp == nil || Self.compare(candidate.1, runnerUp!).order < 0 {
                runnerUp = candidate.1
                let c = Self.compare(best.1, candidate.1)
                (decided, tie) = c.order == 0 ? (nil, candidate.0) : (c.at, nil)
            }
        }
        (irrep, eigenvalue, decidedAt, tiedWith) = (best.0, best.1, decided, tie)
    }

    /// -1 when a < b for large d, 1 when a > b, 0 when they agree above both O-terms; and the
    /// power of d that decides.
    static func compare(_ a: SpectrumEigenvalue, _ b: SpectrumEigenvalue) -> (order: Int, at: Rational?) {
        let floor = max(a.order, b.order)
        let powers = Set(a.terms.map(\.exponent) + b.terms.map(\.exponent)).filter { $0 > floor }.sorted(by: >)
        for e in powers {
            let ta = a.terms.first { $0.exponent == e }, tb = b.terms.first { $0.exponent == e }
            if let ta, let tb, ta.text == tb.text { continue }
            let (x, y) = (ta?.value ?? 0, tb?.value ?? 0)
            if abs(x - y) <= 1e-12 * max(abs(x), abs(y)) { continue }
            return (x < y ? -1 : 1, e)
        }
        return (0, nil)
    }

    /// The first two backed terms, as text ("0.0908450569 - 0.3183098862 d^(-1/2)").
    public func twoTerms(digits: DisplayDigits = .count(10)) -> String {
        TextWrap.series(eigenvalue.terms.prefix(2).map { ($0.exponent, digits.shown($0.text, known: $0.digits).text) }).joined(separator: " ")
    }

    /// One line for the spectrum's verdict.
    public var line: String {
        let how: String
        if let tiedWith { how = "tied with a \(tiedWith)-eigenvalue to every known order: more terms are needed" }
        else if let decidedAt { how = "decided at d^(\(decidedAt))" }
        else { how = "the only bounded eigenvalue" }
        return "softest: \(irrep), \(twoTerms()) + ... (\(how))"
    }

    /// {"irrep", "terms": [{"exponent", "coefficient", "digits"}], "order", "decided_at", "tied_with"}.
    public var json: String {
        let terms = eigenvalue.terms.map { JSON.object([("exponent", JSON.string($0.exponent.description)), ("coefficient", JSON.string($0.text)), ("digits", String($0.digits))], indent: nil) }
        return JSON.object([("irrep", JSON.string(irrep)), ("terms", JSON.array(terms, indent: nil, closingIndent: nil)),
                            ("order", JSON.string(eigenvalue.order.description)),
                            ("decided_at", decidedAt.map { JSON.string($0.description) } ?? "null"),
                            ("tied_with", tiedWith.map(JSON.string) ?? "null")], indent: nil)
    }
}

import Foundation
import Numbers
import LinearAlgebra
import Series

/// One printed term of an eigenvalue series: exponent of d, backed digits, value.
public struct SpectrumTerm {
    public var exponent: Rational
    public var text: String
    public var digits: Int
    public var value: Double
    /// A decimal upper bound on |true - printed|, proved (`certified`); nil when the digits
    /// are backed by the agreement of two precisions only.
    public var radius: String?
    public var certified: Bool { radius != nil }
    public init(exponent: Rational, text: String, digits: Int, value: Double, radius: String? = nil) {
        (self.exponent, self.text, self.digits, self.value, self.radius) = (exponent, text, digits, value, radius)
    }
}

/// An eigenvalue series as printed: its backed terms and its O-term.
public struct SpectrumEigenvalue {
    public var terms: [SpectrumTerm]
    public var order: Rational
    /// How many of the asked-for terms it lacks after `cut(to:)` (0: complete).
    public var missing = 0
    /// Whether the series stops where its two computations disagree (more precision would
    /// give more terms), not where they end (more terms would).
    public var endsAtDisagreement = false
    /// Why its terms are not certified (nil: the certificate covers it; a term beyond the
    /// certificate's O-term is still uncertified, `SpectrumTerm.certified`).
    public var notCertifiedBecause: String?
    public init(terms: [SpectrumTerm], order: Rational) { (self.terms, self.order) = (terms, order) }

    /// The series cut to what `--terms` / `--order` asked for (`SeriesLength.cut`).
    public func cut(to length: SeriesLength) -> SpectrumEigenvalue {
        let c = length.cut(terms, exponent: \.exponent, known: order)
        var cut = SpectrumEigenvalue(terms: c.kept, order: c.order ?? order)
        (cut.missing, cut.endsAtDisagreement) = (c.missing, endsAtDisagreement && c.order == order)
        cut.notCertifiedBecause = notCertifiedBecause
        return cut
    }

    /// The sign for large d: that of the leading backed term (0 when no term is backed).
    public var sign: Int { terms.first.map { $0.value < 0 ? -1 : 1 } ?? 0 }

    /// The truncated series at d (Double: only where it vanishes is asked for).
    public func value(at d: Double) -> Double { terms.reduce(0) { $0 + $1.value * pow(d, $1.exponent.doubleValue) } }

    /// The largest d in [4, 1e12] at which the truncated series changes sign (6 digits), or nil.
    /// A log-spaced scan (40 points per decade) then bisection; below d = 4 the model itself
    /// needs d > p + m + 1 and the series means nothing.
    public var signChange: String? {
        guard terms.count > 1 else { return nil }
        var upper = 1e12, fUpper = value(at: upper)
        var k = 480
        while k > 24 {
            k -= 1
            let lower = pow(10, Double(k) / 40), fLower = value(at: lower)
            if (fLower < 0) != (fUpper < 0) {
                var (a, b) = (lower, upper)
                for _ in 0..<200 where b - a > 1e-12 * b {
                    let m = (a + b) / 2
                    if (value(at: m) < 0) == (fLower < 0) { a = m } else { b = m }
                }
                return String(format: "%.6g", (a + b) / 2)
            }
            upper = lower; fUpper = fLower
        }
        return nil
    }
}

public struct SpectrumComponent {
    public var irrep: String
    public var degree: String
    public var eigenvalues: [SpectrumEigenvalue]
    public init(irrep: String, degree: String, eigenvalues: [SpectrumEigenvalue]) { (self.irrep, self.degree, self.eigenvalues) = (irrep, degree, eigenvalues) }

    /// Every eigenvalue cut to what `--terms` / `--order` asked for.
    public func cut(to length: SeriesLength) -> SpectrumComponent {
        SpectrumComponent(irrep: irrep, degree: degree, eigenvalues: eigenvalues.map { $0.cut(to: length) })
    }

    /// The partition of q = d - p that labels each component of the big block S_q.
    static let partitions = ["t": [0], "s": [1, 1], "x": [2, 1, 1], "y": [2, 2]]

    /// The partition of the big block's representation, in d: "(d-3, 1, 1)" for x at p = 1.
    public static func partition(_ irrep: String, p: Int) -> String? {
        guard let parts = partitions[base(irrep)] else { return nil }
        let first = parts[0] + p
        return "(" + (first == 0 ? "d" : "d-\(first)") + parts.dropFirst().map { ", \($0)" }.joined() + ")"
    }

    /// The small blocks' representation a name twists by ("sign/trivial"), or nil.
    static func twist(_ irrep: String) -> String? {
        let rest = irrep.split(separator: "-", maxSplits: 1).dropFirst().first
        return rest.map(String.init)
    }

    /// The name used in text everywhere: letter, twist and partition, "x: (d-3, 1, 1)",
    /// "s (x) sign: (d-3, 1)" (JSON keeps the plain name in `irrep`).
    public func label(p: Int) -> String {
        let letter = Self.base(irrep) + (Self.twist(irrep).map { " (x) \($0)" } ?? "")
        return Self.partition(irrep, p: p).map { "\(letter): \($0)" } ?? irrep
    }

    /// `label` in LaTeX.
    public func latexLabel(p: Int) -> String {
        let letter = Self.base(irrep) + (Self.twist(irrep).map { " $\\otimes$ \($0)" } ?? "")
        return Self.partition(irrep, p: p).map { "\(letter): $\($0)$" } ?? irrep
    }

    /// The component of S_q an irrep name twists ("s" for "s-sign/standard").
    public static func base(_ irrep: String) -> String { String(irrep.prefix { $0 != "-" }) }
    /// The dimension of the small blocks' irreducible in a name ("s-sign/[2,2]"): the product over
    /// the blocks of "trivial" and "sign" 1, "standard" 2 (of S_3), a partition its hook-length
    /// dimension (`SymmetricGroupIrreducible`).
    public static func twistDimension(_ irrep: String) -> Int {
        irrep.split(separator: "-", maxSplits: 1).dropFirst().joined().split(separator: "/").reduce(1) { product, part in
            switch part {
            case "trivial", "sign": return product
            case "standard": return product * 2
            default:
                let parts = part.dropFirst().dropLast().split(separator: ",").compactMap { Int($0) }
                return product * (parts.isEmpty ? 1 : SymmetricGroupIrreducible(parts).dimension)
            }
        }
    }
}

/// Minimum or saddle for large d, the index as a polynomial in d and the components that
/// carry the descent directions (paper 000, Theorem 4), from the signs of the leading terms.
public struct SpectrumVerdict {
    public let negatives: [String: Int]
    public let undecided: Int
    public let index: String
    /// "minimum", "saddle" or "undecided" (for large d).
    public let kind: String
    public let lines: [String]
    public let json: String

    /// The verdict from the signs of the `components`' leading terms; the sign changes listed
    /// are those of the series as `printed` (default: the same series).
    public init(components: [SpectrumComponent], printed: [SpectrumComponent]? = nil, p: Int) {
        var negatives = [String: Int](), undecided = 0
        for c in components {
            negatives[c.irrep] = c.eigenvalues.filter { $0.sign < 0 }.count
            undecided += c.eigenvalues.filter { $0.sign == 0 }.count
        }
        // index(d) = n_t + n_s (q - 1) + n_x (q - 1)(q - 2)/2 + n_y q (q - 3)/2, q = d - p, as
        // a polynomial a d^2 + b d + c (coefficients are halves at most).
        // A twisted component ("t-sign", "s-standard", "x-sign/trivial", ...) has the degree of
        // the one it twists times the small blocks' irreducible's dimension.
        func count(_ name: String) -> Int {
            negatives.filter { SpectrumComponent.base($0.key) == name }.reduce(0) { $0 + $1.value * SpectrumComponent.twistDimension($1.key) }
        }
        let (nt, ns, nx, ny) = (count("t"), count("s"), count("x"), count("y"))
        let q0 = Rational(-p)   // q = d + q0
        func poly(_ c2: Rational, _ c1: Rational, _ c0: Rational) -> (Rational, Rational, Rational) { (c2, c1, c0) }
        // (q - 1) = d + (q0 - 1); (q-1)(q-2)/2 and q(q-3)/2 expanded in d.
        let s = poly(0, 1, q0 - 1)
        let x = poly(Rational(1, 2), (2 * q0 - 3) * Rational(1, 2), (q0 - 1) * (q0 - 2) * Rational(1, 2))
        let y = poly(Rational(1, 2), (2 * q0 - 3) * Rational(1, 2), q0 * (q0 - 3) * Rational(1, 2))
        let a = Rational(nx) * x.0 + Rational(ny) * y.0
        let b = Rational(ns) * s.1 + Rational(nx) * x.1 + Rational(ny) * y.1
        let c = Rational(nt) + Rational(ns) * s.2 + Rational(nx) * x.2 + Rational(ny) * y.2
        var index = ""
        for (coefficient, power) in [(a, "d^2"), (b, "d"), (c, "")] where coefficient != .zero {
            let negative = coefficient < .zero
            let size = negative ? -coefficient : coefficient
            let body = power.isEmpty ? "\(size)" : (size == .one ? power : (size.intComponents?.1 == 1 ? "\(size) \(power)" : "(\(size)) \(power)"))
            index += index.isEmpty ? (negative ? "-" : "") + body : (negative ? " - " : " + ") + body
        }
        if index.isEmpty { index = "0" }
        self.negatives = negatives
        self.undecided = undecided
        self.index = index
        let carriers = components.map(\.irrep).filter { (negatives[$0] ?? 0) > 0 }
        var lines: [String] = []
        if undecided > 0 {
            lines.append("verdict: undecided (\(undecided) eigenvalue(s) without a backed leading term)")
        } else if carriers.isEmpty {
            lines.append("verdict: a minimum for large d (every eigenvalue's leading term is positive)")
        } else {
            lines.append("verdict: a saddle for large d, index \(index); descent directions in \(carriers.map { "\($0) (\(negatives[$0]!) eigenvalue\(negatives[$0]! > 1 ? "s" : ""))" }.joined(separator: ", "))")
        }
        let changes = (printed ?? components).flatMap { c in c.eigenvalues.compactMap { e in e.signChange.map { "\(c.irrep): \($0)" } } }
        if !changes.isEmpty { lines.append("truncated series changing sign (d): " + changes.joined(separator: ", ")) }
        self.lines = lines
        let kind = undecided > 0 ? "undecided" : (carriers.isEmpty ? "minimum" : "saddle")
        self.kind = kind
        json = "{\"kind\": \(JSON.string(kind)), \"index\": \(JSON.string(index)), \"negative\": {" + ["t", "s", "x", "y"].map { "\"\($0)\": \(negatives[$0] ?? 0)" }.joined(separator: ", ") + "}}"
    }
}

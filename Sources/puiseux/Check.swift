import ArgumentParser
import Foundation
import Numbers
import Balls
import Series
import Expressions
import Export
import Solvers

/// `puiseux check`: the precision-checked run of the catalogue. Every family by the series
/// route at P and 2P bits, with its verifications and the published values it must reproduce;
/// a pass/fail line per check with the digits it holds to, and a summary. Exit 0 when every
/// check passes, 1 otherwise.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Precision-checked run of the family catalogue against its verifications and the published values.",
        discussion: """
            For each family: the series at P and 2P bits (digits = how many the two agree on, the \
            smallest over all printed coefficients), b detected = the catalogue's, the residual of \
            F_d of the claimed order, agreement with Newton at two large d within the truncation \
            error, the published values of paper 000 (MATH.md section 6: alpha_0 = 1/2 - 2/pi^2, \
            alpha_1, alpha_2, the type I loss series, the b = 4 closed forms) and Theorem 3 (x and y \
            eigenvalues -> 1/4 -+ 1/(2 pi), from traces in the series ring), and the spectrum as \
            `spectrum NAME --terms 6` prints it: every certified term's ball contains the term \
            computed again at 2P, every other term agrees at 2P. --fast: the three smallest \
            families (what `make test` runs).

            Examples:
              puiseux check --fast
              puiseux check --format json
              puiseux check --isotropy d --extra 1
            """)

    @Flag(help: "Only p0-m0-I, p0-m1-I and p1-m0-II.")
    var fast = false

    @Option(help: PrecisionRule.help("every digit is confirmed at twice this."))
    var precision: Int = 256

    @OptionGroup var length: SeriesLengthOption

    /// The largest --terms N (24 powers of t).
    static let mostTerms = 16

    /// The families' series are computed as `family` computes them for the same --terms or
    /// --order (`SeriesWindow.coordinates`), at least six powers of t (the published values
    /// sit at t^0 ... t^5).
    var window: SeriesWindow { .coordinates(length.length, mostTerms: Self.mostTerms, least: 6, command: "check") }

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        try OutputFormat.require(format, in: [.text, .json], command: "check")
        try PrecisionRule.validate(precision)
        try length.validate(mostTerms: Self.mostTerms)
    }

    typealias Outcome = CheckReport.Outcome

    @OptionGroup var selection: CatalogueSelection

    @OptionGroup var destination: OutputFile

    func run() throws {
        let fastNames = ["p0-m0-I", "p0-m1-I", "p1-m0-II"]
        let names = try selection.families(from: FamilyCatalogue.families.filter { !fast || fastNames.contains($0.name) }).map(\.name)
        // An order deeper than the series computed is a usage error before any computation.
        for name in names { _ = try window.first(ramification: FamilyCatalogue.named(name)!.expectedRamification) }
        try destination.redirect()
        var outcomes: [Outcome] = []
        let started = Date()
        for name in names {
            let family = FamilyCatalogue.named(name)!
            Progress.report("check: \(name)")
            do {
                outcomes += try checks(family)
            } catch {
                outcomes.append(Outcome(family: name, check: "computation", passed: false, detail: "\(error)"))
            }
        }
        Progress.clear()
        let report = CheckReport(familyCount: names.count, precision: precision, length: length.length, outcomes: outcomes,
                                 seconds: Date().timeIntervalSince(started))
        print(format == .json ? report.json : report.text)
        let failed = report.failed
        if !failed.isEmpty { throw CLIFailure(computation: "\(failed.count) of \(outcomes.count) checks failed") }
    }

    /// A certified family (`FamilyEnclosure`): every coefficient `family` prints is a ball that
    /// proves its digits, and the independent 2P solution lies in it (within its own rounding,
    /// 2^(16 - 2P) relative): the proof and the second computation must not contradict.
    func certifiedCheck(_ family: Solvers.Family, _ enclosure: FamilyEnclosure, confirmation: SeriesFamilyExpansion, terms: Int) -> Outcome {
        let maximumDigits = BigFloat.decimalDigits(forBits: precision)
        var rows = [(enclosure.lossCoefficients(count: terms), confirmation.lossCoefficients)]
        for i in 0..<family.pattern.dimension { rows.append((enclosure.coordinateCoefficients(i, count: terms), confirmation.coordinateCoefficients(i))) }
        var count = 0, least = Int.max, outside = 0
        for (balls, values) in rows {
            for (ball, value) in zip(balls, values) {
                guard let ball, let decimal = CertifiedDecimal(ball, maximumDigits: maximumDigits) else { continue }
                count += 1
                least = min(least, decimal.digits)
                if !CertificateCrossCheck.agrees(ball, confirmation: value, precision: precision) { outside += 1 }
            }
        }
        return Outcome(family: family.name, check: "certified", passed: count > 0 && outside == 0,
                       detail: "\(count) nonzero coefficients certified (Krawczyk test, \(FamilyEnclosure.ballPrecision(working: precision))-bit balls) to at least \(least == Int.max ? 0 : least) digits"
                           + (outside > 0 ? "; \(outside) balls miss the \(2 * precision)-bit value" : ", each containing the \(2 * precision)-bit value"))
    }

    /// The fewest digits a printed coefficient or term may have: a double's worth. Fewer means
    /// the working precision did not carry through the cancellations, whatever backs them.
    static let leastDigits = 15

    /// A certificate's refusal, to its first parenthesis (the detail stays in `family`'s output).
    static func reason(_ why: FamilyEnclosure.NotCertified) -> String {
        why.description.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)
    }

    /// Digits on which x and y agree (relative), capped at the working precision's.
    func digits(_ x: BigFloat, _ y: BigFloat) -> Int { ConfirmedDigits(x, y, precision: precision).count }

    func checks(_ family: Solvers.Family) throws -> [Outcome] {
        let terms = try window.first(ramification: family.expectedRamification)
        let a = try SeriesFamilyExpansion.compute(family, terms: terms, precision: precision)
        let (b, certificate) = try a.liftedAndCertified(toPrecision: 2 * precision)
        var out: [Outcome] = []
        func add(_ check: String, _ passed: Bool, _ detail: String) { out.append(Outcome(family: family.name, check: check, passed: passed, detail: detail)) }

        add("ramification", a.ramification == family.expectedRamification && b.ramification == a.ramification,
            "b = \(a.ramification) detected (catalogue: \(family.expectedRamification))")
        // Digits: every coefficient printed by `puiseux family`, the smallest agreement; a
        // coefficient both precisions put below the residue floor is a zero (ConfirmedDigits).
        var least = Int.max, count = 0, zeros = 0, unconfirmed = 0
        var pairs: [(BigFloat, BigFloat)] = zip(a.lossCoefficients, b.lossCoefficients).map { ($0, $1) }
        for i in 0..<family.pattern.dimension { pairs += zip(a.coordinateCoefficients(i), b.coordinateCoefficients(i)).map { ($0, $1) } }
        for (x, y) in pairs where !(x.isZero && y.isZero) {
            switch ConfirmedDigits(x, y, precision: precision) {
            case .digits(let k): least = min(least, k); count += 1
            case .zero: zeros += 1
            case .unconfirmed: unconfirmed += 1
            }
        }
        var notCertified = ""
        if case .failure(let why) = certificate { notCertified = "; not certified (\(Self.reason(why)))" }
        add("digits", least >= Self.leastDigits && unconfirmed == 0,
            "\(count) nonzero coefficients, each confirmed at \(2 * precision) bits to at least \(least == Int.max ? 0 : least) digits"
                + (zeros > 0 ? "; \(zeros) zero below 2^(-\(precision / 2)) at both precisions" : "")
                + (unconfirmed > 0 ? "; \(unconfirmed) with no confirmed digit" : "") + notCertified)
        if case .success(let enclosure) = certificate { out.append(certifiedCheck(family, enclosure, confirmation: b, terms: terms)) }
        let orders = try a.residualOrders()
        let worst = orders.map { o in o.leading.map { $0 - o.bound } ?? Rational(-1000) }.max()!
        add("residual", worst <= .zero && orders.allSatisfy { $0.leading != nil },
            "F_d at the series to t^\(terms - 1) is O(d^(bound)) in every row: " + orders.map { "\($0.leading.map(\.description) ?? "0") <= \($0.bound)" }.joined(separator: ", "))
        let agreement = try a.newtonAgreement()
        let worstRatio = agreement.map(\.ratio).max() ?? 0
        add("Newton", worstRatio <= 10, "series vs Newton's critical points (started from the series) at d = \(agreement.map { $0.d.formatted(significantDigits: 3) }.joined(separator: ", ")): within \(String(format: "%.2f", worstRatio)) x the truncation error")

        // Published values (paper 000; MATH.md section 6).
        let bits = precision
        let ballBits = FamilyEnclosure.ballPrecision(working: precision)
        func value(_ text: String, bits: Int = bits) throws -> BigFloat { try Expression.parse(text).evaluate(d: BigFloat(1, precision: bits)) }
        func index(_ exponent: Rational) -> Int { (-exponent * Rational(a.ramification)).intComponents!.0 }
        func coefficient(_ s: [BigFloat], _ exponent: Rational) -> BigFloat {
            let j = index(exponent)
            return j >= 0 && j < s.count ? s[j] : BigFloat(0, precision: bits)
        }
        // (label, row, exponent, reference, digits required); a reference printed as a decimal in
        // the paper is matched to its last printed place instead (the paper may truncate, not
        // round). Row: nil for the loss, else the coordinate's index.
        var published: [(String, Int?, Rational, String, Int)] = []
        switch family.name {
        case "p0-m1-I":
            published = [("loss d^0 = 1/2 - 1/pi", nil, 0, "1/2 - 1/pi", 30),
                         ("loss d^(-1/2) = -4/(3 pi)", nil, Rational(-1, 2), "-4/(3*pi)", 30),
                         ("loss d^(-1) = -1 - 2/pi^2 + 4/pi", nil, -1, "-1 - 2/pi^2 + 4/pi", 30)]
        case "p1-m0-I", "p1-m1-I", "p1-m2-I", "p0-m0-I":
            published = [("loss d^0 = 1/2 - 1/pi", nil, 0, "1/2 - 1/pi", 30)]
        case "p1-m0-II":
            published = [("alpha_0 = 1/2 - 2/pi^2", nil, -1, "1/2 - 2/pi^2", 30)]
        case "p1-m1-II":
            published = [("alpha_1 = 0.267254813889 (the paper's 12 decimals)", nil, -1, "0.267254813889", -12)]
        case "p1-m2-II":
            published = [("alpha_2 = 0.267193392202 (the paper's 12 decimals)", nil, -1, "0.267193392202", -12)]
        default: break
        }
        if family.name == "p1-m1-I" {
            published += [("D_2 d^(-1/4) = (6 + 3 pi)/(8 pi sqrt(pi - 2))", 4, Rational(-1, 4), "(6 + 3*pi)/(8*pi*sqrt(pi - 2))", 30),
                          ("B_21 d^(-3/4) = sqrt(pi - 2)/2", 3, Rational(-3, 4), "sqrt(pi - 2)/2", 30)]
        }
        let enclosure = try? certificate.get()
        for (label, row, exponent, text, required) in published {
            let computed = coefficient(row.map { a.coordinateCoefficients($0) } ?? a.lossCoefficients, exponent)
            let reference = try value(text)
            if required < 0 {
                // A decimal with -required places: within one unit of its last place.
                let gap = (computed - reference).magnitude.doubleValue
                add("published", gap < pow(10, Double(required)), "\(label): computed \(computed.formatted(significantDigits: 16)), differs by \(String(format: "%.1e", gap)) (< 1e\(required))")
                continue
            }
            let k = digits(computed, reference)
            // Certified: the closed form, evaluated at the balls' precision, must lie in the ball.
            let j = index(exponent)
            let balls = enclosure.map { e in row.map { e.coordinateCoefficients($0, count: j + 1) } ?? e.lossCoefficients(count: j + 1) }
            if let ball = balls?[j] {
                let inside = ball.contains(try value(text, bits: ballBits))
                add("published", k >= required && inside,
                    "\(label): agrees to \(k) digits (needed \(required)); the closed form \(inside ? "lies" : "does NOT lie") in the certified ball (radius \(ball.radius.formattedUpperBound(significantDigits: 2)))")
            } else {
                add("published", k >= required, "\(label): agrees to \(k) digits (needed \(required))")
            }
        }
        // Theorem 3: x -> 1/4 - 1/(2 pi), y -> 1/4 + 1/(2 pi), from traces in the series ring.
        // The Jacobian loses up to two powers of d to the coordinates' O-term: for the constant
        // terms of x and y the series needs more than 2b terms (b = 4: a longer one at P bits).
        let long = a.terms > 2 * a.ramification + 2 ? a
            : try a.lifted(toPrecision: precision, terms: 3 * a.ramification + 2)
        let (x, y) = try SeriesSpectrum.Jacobians(long).exteriorAndY()
        func constant(_ s: PuiseuxSeries<BigFloat>) -> BigFloat { s.terms.first { $0.dExponent == .zero }?.coefficient ?? BigFloat(0, precision: bits) }
        let kx = digits(constant(x), try value("1/4 - 1/(2*pi)")), ky = digits(constant(y), try value("1/4 + 1/(2*pi)"))
        let positiveExponents = (x.terms + y.terms).filter { $0.dExponent > .zero }.count
        // Certified: the same traces over the family's balls; the closed forms must lie in the
        // balls of the constant terms.
        var certifiedTheorem = ""
        var theoremHolds = true
        if let enclosure, let (bx, by) = try? enclosure.exteriorAndY(pattern: family.pattern) {
            func constantBall(_ s: PuiseuxSeries<Ball>) -> Ball? {
                if let o = s.dOrder, o >= .zero { return nil }
                return s.terms.first { $0.dExponent == .zero }?.coefficient
            }
            if let cx = constantBall(bx), let cy = constantBall(by) {
                let (ex, ey) = (try value("1/4 - 1/(2*pi)", bits: ballBits), try value("1/4 + 1/(2*pi)", bits: ballBits))
                theoremHolds = cx.contains(ex) && cy.contains(ey)
                certifiedTheorem = theoremHolds
                    ? "; both closed forms lie in the certified balls of the constant terms (radii \(cx.radius.formattedUpperBound(significantDigits: 2)), \(cy.radius.formattedUpperBound(significantDigits: 2)))"
                    : "; a closed form does NOT lie in its certified ball"
            }
        }
        add("Theorem 3", kx >= 30 && ky >= 30 && positiveExponents == 0 && theoremHolds,
            "x -> 1/4 - 1/(2 pi) to \(kx) digits, y -> 1/4 + 1/(2 pi) to \(ky) digits" + certifiedTheorem)
        do {
            out.append(try spectrumCheck(family, from: a))
        } catch {
            add("spectrum", false, "\(error)")
        }
        return out
    }
}


import Numbers
import Balls
import Series
import Export
import Solvers

extension Check {
    /// The spectra are checked as `spectrum NAME --terms 6` prints them: the catalogue
    /// benchmark's length (Table 1's columns are the first two or three terms).
    static let spectrumTerms = 6
    static var spectrumLength: SeriesLength { .terms(spectrumTerms) }

    /// The family's spectrum as `spectrum` prints it (its first window of powers of t) at P
    /// bits with its certificate (`SpectrumEnclosure`), beside the spectrum computed
    /// independently at 2P from the family lifted to 2P: each certified term's ball must
    /// contain the 2P term (`CertificateCrossCheck`), every other printed term is backed by the
    /// two runs' agreement (`SpectrumEigenvalue`, the rule `spectrum` prints with), and no
    /// eigenvalue may fall short of the terms asked for.
    func spectrumCheck(_ family: Solvers.Family, from base: SeriesFamilyExpansion) throws -> Outcome {
        let window = SeriesWindow.eigenvalues(Self.spectrumLength, mostTerms: Spectrum.mostTerms, command: "check")
        let (a, b, certificate) = try SeriesSpectrum.certifiedAndConfirmed(
            from: base, terms: try window.first(ramification: base.ramification), precision: precision, confirmation: 2 * precision)
        var eigenvalues = 0, short = 0, certified = 0, agreed = 0, outside = 0, least = Int.max
        for (i, component) in a.components.enumerated() {
            for (e, series) in component.eigenvalues.enumerated() {
                let twin = b.components[i].eigenvalues[e]
                let enclosure = try? certificate.get().components[i].eigenvalues[e].get()
                let printed = SpectrumEigenvalue(working: series, confirmation: twin, precision: precision, enclosure: enclosure)
                    .cut(to: Self.spectrumLength)
                eigenvalues += 1
                if printed.missing > 0 { short += 1 }
                for term in printed.terms {
                    least = min(least, term.digits)
                    guard term.certified, let enclosure else { agreed += 1; continue }
                    certified += 1
                    let ball = enclosure.terms.first { $0.dExponent == term.exponent }?.coefficient ?? Ball(0, precision: enclosure.precision)
                    let value = twin.terms.first { $0.dExponent == term.exponent }?.coefficient ?? BigFloat(0, precision: 2 * precision)
                    let working = series.terms.first { $0.dExponent == term.exponent }?.coefficient ?? BigFloat(0, precision: precision)
                    if !CertificateCrossCheck.agrees(ball, confirmation: value, working: working, precision: precision) { outside += 1 }
                }
            }
        }
        var parts = ["\(eigenvalues) eigenvalues, \(certified + agreed) terms as `spectrum --terms \(Self.spectrumTerms)` prints them"]
        if certified > 0 {
            parts.append("\(certified) certified (\(FamilyEnclosure.ballPrecision(working: precision))-bit balls)"
                         + (outside > 0 ? ", \(outside) of whose balls miss the \(2 * precision)-bit term" : ", each containing the \(2 * precision)-bit term"))
        }
        if agreed > 0 { parts.append("\(agreed) confirmed at \(2 * precision) bits") }
        parts.append("at least \(least == Int.max ? 0 : least) digits each")
        if case .failure(let why) = certificate { parts.append("not certified (\(Self.reason(why)))") }
        if short > 0 { parts.append("\(short) eigenvalues short of \(Self.spectrumTerms) terms") }
        return Outcome(family: family.name, check: "spectrum", passed: eigenvalues > 0 && outside == 0 && short == 0 && least >= Self.leastDigits,
                       detail: parts.joined(separator: "; "))
    }
}

import Numbers
import Balls
import Series
import Expressions

extension SpectrumEigenvalue {
    /// An eigenvalue series computed at P bits (`working`) and again at a higher precision
    /// (`confirmation`), with the digits both agree on. Every power of d either run has, from the
    /// top: a term both give (to its agreed digits), a zero in both (skipped), or a
    /// disagreement, where the series stops: its O-term is that power (a term only one run has is
    /// a disagreement too).
    ///
    /// `enclosure` (`SpectrumEnclosure`): a ball series whose coefficients above its O-term
    /// enclose the true ones. Each power is decided by `BackedCoefficient` (the rule `family`
    /// uses): a certified term with its radius, whether or not the two runs agree there; zeros,
    /// certified or agreed, skipped; an unbacked power ends the series. `notCertifiedBecause`:
    /// why there is no enclosure. Without a confirming run (`twin` nil: the enclosure covers the
    /// whole series) the O-term is the series' or the enclosure's, whichever is higher.
    public init(working series: PuiseuxSeries<BigFloat>, confirmation twin: PuiseuxSeries<BigFloat>?, precision: Int,
                enclosure: PuiseuxSeries<Ball>? = nil, notCertifiedBecause: String? = nil) {
        let zero = BigFloat(0, precision: precision)
        let powers = Set(series.terms.map(\.dExponent) + (twin?.terms.map(\.dExponent) ?? [])).sorted(by: >)
        // The order both runs know; without a twin, the one the series and its enclosure know.
        let computedOrder = max(series.dOrder!, (twin == nil ? enclosure?.dOrder : twin?.dOrder) ?? series.dOrder!)
        var kept: [SpectrumTerm] = []
        var order = computedOrder
        for power in powers where power > order {
            let x = series.terms.first { $0.dExponent == power }?.coefficient ?? zero
            let covered = enclosure.map { e in e.dOrder.map { power > $0 } ?? true } ?? false
            let ball = covered ? enclosure!.terms.first { $0.dExponent == power }?.coefficient ?? Ball(0, precision: enclosure!.precision) : nil
            let y = twin.map { t in BigFloat(t.terms.first { $0.dExponent == power }?.coefficient ?? zero, precision: precision) }
            switch BackedCoefficient(x, confirmation: y, ball: ball, precision: precision) {
            case .certified(let decimal):
                kept.append(SpectrumTerm(exponent: power, text: decimal.text, digits: decimal.digits, value: x.doubleValue, radius: decimal.radius))
            case .agreed(let k):
                kept.append(SpectrumTerm(exponent: power, text: x.isZero ? "0" : x.formatted(significantDigits: k), digits: k, value: x.doubleValue))
            case .absent, .certifiedZero, .zero: continue
            case .unconfirmed: order = power
            }
        }
        self.init(terms: kept, order: order)
        endsAtDisagreement = order > computedOrder
        self.notCertifiedBecause = enclosure == nil ? notCertifiedBecause : nil
    }
}

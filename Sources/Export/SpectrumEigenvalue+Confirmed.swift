import Numbers
import Series

extension SpectrumEigenvalue {
    /// An eigenvalue series computed at P bits (`working`) and again at a higher precision
    /// (`confirmation`), with the digits both agree on. Every power of d either run has, from the
    /// top: a term both give (to its agreed digits), a zero in both (skipped), or a
    /// disagreement, where the series stops: its O-term is that power (a term only one run has is
    /// a disagreement too).
    public init(working series: PuiseuxSeries<BigFloat>, confirmation twin: PuiseuxSeries<BigFloat>, precision: Int) {
        let zero = BigFloat(0, precision: precision)
        let powers = Set(series.terms.map(\.dExponent) + twin.terms.map(\.dExponent)).sorted(by: >)
        var kept: [SpectrumTerm] = []
        var order = max(series.dOrder!, twin.dOrder!)
        for power in powers where power > order {
            let x = series.terms.first { $0.dExponent == power }?.coefficient ?? zero
            let y = twin.terms.first { $0.dExponent == power }?.coefficient ?? zero
            switch ConfirmedDigits(x, BigFloat(y, precision: precision), precision: precision) {
            case .digits(let k):
                kept.append(SpectrumTerm(exponent: power, text: x.isZero ? "0" : x.formatted(significantDigits: k), digits: k, value: x.doubleValue))
            case .zero: continue
            case .unconfirmed: order = power
            }
        }
        self.init(terms: kept, order: order)
        endsAtDisagreement = order > max(series.dOrder!, twin.dOrder!)
    }
}

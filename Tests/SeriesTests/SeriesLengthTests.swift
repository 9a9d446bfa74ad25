import Testing
import Numbers
@testable import Series

/// `SeriesLength`: the powers a computation needs and the cut of a known series, against the
/// definitions written out by hand (N nonzero terms from the leading one; every term above
/// an order).
@Suite struct SeriesLengthTests {
    /// A series' known nonzero terms, by exponent of d.
    static let exponents = [Rational(1), Rational(0), Rational(-1, 2), Rational(-2)]

    @Test func powersCountEveryExponentAboveTheOrder() {
        // From d^1 in steps of 1/4 down to above d^(-3/2): 1, 3/4, ..., -5/4 (10 powers).
        #expect(SeriesLength.order(Rational(-3, 2)).powers(ramification: 4, leading: 1) == 10)
        // Not a multiple of 1/b: above d^(-1/3) in steps of 1/2 from 0: 0 (1 power).
        #expect(SeriesLength.order(Rational(-1, 3)).powers(ramification: 2, leading: 0) == 1)
        #expect(SeriesLength.order(Rational(1)).powers(ramification: 2, leading: 1) == 0)
        #expect(SeriesLength.terms(7).powers(ramification: 4, leading: 1) == 7)
        // Brute force: the count of k >= 0 with leading - k/b > q.
        for b in 1...4 {
            for p in -12...2 {
                let q = Rational(p, 3), leading = Rational(1)
                let count = (0..<100).filter { leading - Rational($0, b) > q }.count
                #expect(SeriesLength.order(q).powers(ramification: b, leading: leading) == count)
            }
        }
    }

    @Test func termsCutAtTheNextNonzeroTermWhenItIsKnown() {
        let cut = SeriesLength.terms(2).cut(Self.exponents, exponent: { $0 }, known: Rational(-3))
        #expect(cut.kept == [1, 0] && cut.order == Rational(-1, 2) && cut.isComplete)
        // Exactly N known: the O-term is where what is known ends.
        let all = SeriesLength.terms(4).cut(Self.exponents, exponent: { $0 }, known: Rational(-3))
        #expect(all.kept.count == 4 && all.order == Rational(-3) && all.isComplete)
    }

    @Test func termsShortOfNSayHowManyAreMissingUnlessTheSumIsExact() {
        let short = SeriesLength.terms(6).cut(Self.exponents, exponent: { $0 }, known: Rational(-3))
        #expect(short.kept.count == 4 && short.order == Rational(-3) && short.missing == 2)
        let exact = SeriesLength.terms(6).cut(Self.exponents, exponent: { $0 }, known: nil)
        #expect(exact.kept.count == 4 && exact.order == nil && exact.isComplete)
    }

    @Test func orderKeepsEveryTermAboveIt() {
        let cut = SeriesLength.order(Rational(-1, 2)).cut(Self.exponents, exponent: { $0 }, known: Rational(-3))
        #expect(cut.kept == [1, 0] && cut.order == Rational(-1, 2) && cut.isComplete)
        // What is known ends above the order: the O-term is there, and the cut is short.
        let shallow = SeriesLength.order(Rational(-5)).cut(Self.exponents, exponent: { $0 }, known: Rational(-3))
        #expect(shallow.kept.count == 4 && shallow.order == Rational(-3) && !shallow.isComplete)
        // An exact sum with nothing at or below the order has no O-term; with a term below, it has.
        #expect(SeriesLength.order(Rational(-5)).cut(Self.exponents, exponent: { $0 }, known: nil).order == nil)
        #expect(SeriesLength.order(Rational(-1)).cut(Self.exponents, exponent: { $0 }, known: nil).order == Rational(-1))
    }
}

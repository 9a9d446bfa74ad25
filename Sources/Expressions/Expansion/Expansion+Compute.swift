import Numbers
import Balls
import Series

/// How to compute an `Expansion`.
public struct ExpansionOptions: Sendable {
    public var target: SeriesLength
    /// Working precision P in bits; numeric results are checked against a run at 2P.
    public var precision: Int
    /// Compute every node with MPFR coefficients (see `SeriesEvaluator.forceNumeric`).
    public var forceNumeric: Bool
    /// The relative term budget of the first attempt (default: from the target).
    public var initialRelativeTerms: Int?
    /// The budget is doubled up to this, then the expansion fails. The default is
    /// `defaultMaximum(for:)`.
    public var maximumRelativeTerms: Int

    /// Largest budget ever used by default.
    public static let budgetCeiling = 4096
    /// The budget is not doubled again once the next evaluation would likely end past
    /// this much time since the search began.
    public var timeLimit: Duration = .seconds(20)
    /// Compute in balls (Arb): every printed digit is proved and each term carries a radius;
    /// a coefficient or a branch the balls cannot decide doubles the precision, up to
    /// `maximumPrecision`, then fails.
    public var certified = false
    /// The largest precision a certified expansion raises to.
    public var maximumPrecision = 16_384

    public init(target: SeriesLength, precision: Int, forceNumeric: Bool = false,
                initialRelativeTerms: Int? = nil, maximumRelativeTerms: Int? = nil) {
        self.target = target
        self.precision = precision
        self.forceNumeric = forceNumeric
        self.initialRelativeTerms = initialRelativeTerms
        self.maximumRelativeTerms = maximumRelativeTerms ?? ExpansionOptions.defaultMaximum(for: target)
    }

    /// The default largest budget: for `.terms(n)`, 8 n clamped to 1024...4096 (room for
    /// sparse series and heavy cancellation, while an expression that vanishes to every
    /// order, such as exp(1/d) exp(-1/d) - 1, fails within a few seconds); for `.order`,
    /// 4096 (the order grows with the budget, so the search ends early).
    public static func defaultMaximum(for target: SeriesLength) -> Int {
        switch target {
        case .terms(let n): return min(budgetCeiling, max(1024, 8 * n))
        case .order: return budgetCeiling
        }
    }

    var startingBudget: Int {
        if let initialRelativeTerms { return min(initialRelativeTerms, maximumRelativeTerms) }
        switch target {
        case .terms(let n): return min(max(16, 2 * n + 4), maximumRelativeTerms)
        case .order: return min(16, maximumRelativeTerms)
        }
    }
}

extension Expansion {
    /// Expands `e` as d -> infinity.
    ///
    /// 1. Evaluates `e` with `SeriesEvaluator` under a relative term budget; while the
    ///    result has too few nonzero terms (or too coarse an O-term, or an undecidable
    ///    step such as a leading coefficient that cancelled), doubles the budget, up to
    ///    `options.maximumRelativeTerms`.
    /// 2. Truncates: for `.terms(N)` after the N-th nonzero term, with the O-term at the
    ///    exponent of the (N+1)-th (at the largest budget, N terms and the series' own
    ///    O-term are accepted); for `.order(E)` to O(d^E). The O-term stays true.
    /// 3. Exact results are final. A numeric result is recomputed at twice the precision:
    ///    the exponents of the nonzero terms and the O-term must agree, otherwise
    ///    `ExpansionError.undecidable` names the first exponent where they differ; each
    ///    coefficient keeps the largest number k <= floor(P log10 2) of significant digits
    ///    on which both runs round alike (k = 0 is also `.undecidable`).
    ///
    /// Throws `ExpressionError` (bad exponent, series too large), `EvaluationError`
    /// (domain errors such as log(-d)) and `ExpansionError`.
    public init(expanding e: Expression, options: ExpansionOptions) throws {
        if options.certified {
            self = try Expansion.certified(e, options: options)
            return
        }
        let precision = options.precision
        let first = try Expansion.search(e, precision: precision, startingBudget: options.startingBudget, options: options)
        switch first.value {
        case .exact(let s):
            let digits = BigFloat.decimalDigits(forBits: precision)
            let terms = s.terms.map { term in
                Term(exponent: term.dExponent, coefficient: term.coefficient.decimalString(significantDigits: digits),
                     digits: digits, rational: term.coefficient)
            }
            self.init(ramification: s.ramification, precision: precision, order: s.dOrder, isExact: true,
                      terms: terms, relativeTerms: first.budget)
        case .ball:
            preconditionFailure("balls only in certified expansions")
        case .numeric(let s1):
            let second = try Expansion.search(e, precision: 2 * precision, startingBudget: first.budget, options: options)
            let s2 = second.value.numeric(precision: 2 * precision)
            let terms = try Expansion.verifiedTerms(s1, s2, precision: precision)
            self.init(ramification: s1.ramification, precision: precision, order: s1.dOrder, isExact: false,
                      terms: terms, relativeTerms: first.budget)
        }
    }

    /// Evaluates with doubling budgets until the target can be met; returns the truncated
    /// series and the budget used. The budget stops growing at `maximumRelativeTerms`, or
    /// earlier when the next evaluation would likely end past `timeLimit` (predicted as 8
    /// times the last one: exact coefficients grow with the budget, so the cost is about cubic).
    static func search(_ e: Expression, precision: Int, startingBudget: Int,
                       options: ExpansionOptions) throws -> (value: SeriesValue, budget: Int) {
        let clock = ContinuousClock()
        let start = clock.now
        var budget = max(1, startingBudget)
        while true {
            let atCap = budget >= options.maximumRelativeTerms
            var evaluator = SeriesEvaluator(precision: precision, relativeTerms: budget, forceNumeric: options.forceNumeric)
            evaluator.balls = options.certified
            let evaluationStart = clock.now
            func outOfTime() -> Bool {
                let now = clock.now
                return (now - start) + (now - evaluationStart) * 8 > options.timeLimit
            }
            do {
                let value = try evaluator.evaluate(e)
                if let truncated = truncate(value, options.target, atCap: atCap) { return (truncated, budget) }
                let stop = !atCap && outOfTime()
                if stop, let truncated = truncate(value, options.target, atCap: true) { return (truncated, budget) }
                if atCap || stop {
                    switch options.target {
                    case .terms(let n):
                        throw ExpansionError.tooFewTerms(found: value.nonzeroTermCount, requested: n,
                                                         reached: value.dOrder, budget: budget, limitedByTime: stop)
                    case .order(let order):
                        throw ExpansionError.orderNotReached(reached: value.dOrder, requested: order,
                                                             budget: budget, limitedByTime: stop)
                    }
                }
            } catch let error as EvaluationError {
                // An undecidable step may only need more terms (a cancelled leading term).
                guard case .undecidable = error.reason else { throw error }
                // Balls: more terms cannot decide what the precision leaves open (a coefficient
                // that cancelled inexactly stays a ball around 0); the caller raises the precision.
                if options.certified || atCap || outOfTime() { throw ExpansionError.undecidableEvaluation(error, precision: precision) }
            }
            budget = min(2 * budget, options.maximumRelativeTerms)
        }
    }

    static func truncate(_ value: SeriesValue, _ target: SeriesLength, atCap: Bool) -> SeriesValue? {
        switch value {
        case .exact(let s): return truncate(s, target, atCap: atCap).map { .exact($0) }
        case .numeric(let s): return truncate(s, target, atCap: atCap).map { .numeric($0) }
        case .ball(let s): return truncate(s, target, atCap: atCap).map { .ball($0) }
        }
    }

    /// The series cut to the target (`SeriesLength.cut`), or nil if it does not have enough
    /// terms yet. With `terms(n)` the O-term sits at the next nonzero term, so n known terms
    /// and nothing after them wait for a longer run, unless the budget is at its cap.
    static func truncate<C: SeriesCoefficient>(_ s: PuiseuxSeries<C>, _ target: SeriesLength,
                                               atCap: Bool) -> PuiseuxSeries<C>? {
        let terms = s.terms
        let cut = target.cut(terms, exponent: \.dExponent, known: s.dOrder)
        guard cut.isComplete else { return nil }
        if case .terms(let n) = target, terms.count == n, s.dOrder != nil, !atCap { return nil }
        return cut.order.map { s.addingBigO(dExponent: $0) } ?? s
    }

    /// Compares the run at P bits with the run at 2P bits and returns the terms of the
    /// first with the digits both back.
    static func verifiedTerms(_ s1: PuiseuxSeries<BigFloat>, _ s2: PuiseuxSeries<BigFloat>,
                              precision: Int) throws -> [Term] {
        let t1 = s1.terms, t2 = s2.terms
        for t in t1 + t2 where !t.coefficient.isFinite { throw ExpansionError.nonFinite(exponent: t.dExponent) }
        // Structure: exponents of the nonzero terms followed by the O-term's.
        let l1 = t1.map(\.dExponent) + (s1.dOrder.map { [$0] } ?? [])
        let l2 = t2.map(\.dExponent) + (s2.dOrder.map { [$0] } ?? [])
        if l1 != l2 {
            let i = (0..<min(l1.count, l2.count)).first { l1[$0] != l2[$0] } ?? min(l1.count, l2.count)
            let candidates = [i < l1.count ? l1[i] : nil, i < l2.count ? l2[i] : nil].compactMap { $0 }
            throw ExpansionError.undecidable(exponent: candidates.max()!, precision: precision)
        }
        let maximumDigits = BigFloat.decimalDigits(forBits: precision)
        return try zip(t1, t2).map { a, b in
            let k = agreedDigits(a.coefficient, b.coefficient, maximumDigits: maximumDigits)
            guard k > 0 else { throw ExpansionError.undecidable(exponent: a.dExponent, precision: precision) }
            return Term(exponent: a.dExponent, coefficient: a.coefficient.formatted(significantDigits: k),
                        digits: k, rational: nil)
        }
    }

    /// A certified expansion: the evaluation in balls at P bits, then 2P, 4P, ... while a
    /// coefficient or a branch is undecidable, up to `options.maximumPrecision`.
    static func certified(_ e: Expression, options: ExpansionOptions) throws -> Expansion {
        var bits = options.precision
        while true {
            do {
                let found = try Expansion.search(e, precision: bits, startingBudget: options.startingBudget, options: options)
                let s = found.value.ball(precision: bits)
                var expansion = Expansion(ramification: s.ramification, precision: bits, order: s.dOrder, isExact: found.value.isExact,
                                          terms: try certifiedTerms(s, exact: found.value, precision: bits), relativeTerms: found.budget)
                expansion.isCertified = true
                return expansion
            } catch let error as ExpansionError where error.isUndecidable {
                guard 2 * bits <= options.maximumPrecision else { throw ExpansionError.notCertified(error, maximumPrecision: bits) }
                bits *= 2
            }
        }
    }

    /// Each ball coefficient to the digits every number in it rounds to (both ends of the ball
    /// round alike), with a bound on |true - printed|: the ball's distance to the printed
    /// decimal, rounded up. A ball that contains 0 (and is not 0) is undecidable.
    static func certifiedTerms(_ s: PuiseuxSeries<Ball>, exact: SeriesValue, precision: Int) throws -> [Term] {
        let maximumDigits = BigFloat.decimalDigits(forBits: precision)
        let rationals: [Rational: Rational]
        if case .exact(let q) = exact { rationals = Dictionary(uniqueKeysWithValues: q.terms.map { ($0.dExponent, $0.coefficient) }) } else { rationals = [:] }
        return try s.terms.map { term in
            let ball = term.coefficient
            guard ball.isFinite else { throw ExpansionError.nonFinite(exponent: term.dExponent) }
            guard let decimal = CertifiedDecimal(ball, maximumDigits: maximumDigits) else {
                throw ExpansionError.undecidable(exponent: term.dExponent, precision: precision)
            }
            return Term(exponent: term.dExponent, coefficient: decimal.text, digits: decimal.digits,
                        rational: rationals[term.dExponent], radius: decimal.radius)
        }
    }

    /// The largest k <= maximumDigits such that x and y round to the same k significant
    /// decimal digits (0 if even the first digit or the sign differs).
    public static func agreedDigits(_ x: BigFloat, _ y: BigFloat, maximumDigits: Int) -> Int {
        guard x.sign == y.sign, !x.isZero, !y.isZero else { return x == y ? maximumDigits : 0 }
        // Estimate from the relative difference, then confirm by rounding both.
        let difference = x - y
        var k = maximumDigits
        if let de = difference.exponent, let xe = x.exponent {
            k = min(maximumDigits, Int(Double(max(0, xe - de + 1)) * 0.30103) + 2)
        }
        while k > 0 {
            if x.decimalDigitsAndExponent(significantDigits: k) == y.decimalDigitsAndExponent(significantDigits: k) {
                return k
            }
            k -= 1
        }
        return 0
    }
}

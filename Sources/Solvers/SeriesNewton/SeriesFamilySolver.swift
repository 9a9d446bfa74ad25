#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Series
import LinearAlgebra
import Landscape

/// A family's fractional power series computed in the ring of Puiseux series (MATH.md
/// section 3, "series-ring Newton"): ξ(d) = c_inf + (d^(-e_i) η_i(d))_i with η_i(∞) ≠ 0, and
/// Newton's step η <- η - J_η^(-1) F_d(ξ) carried out on truncated Puiseux series, F_d and its
/// Jacobian being the model's own code run on `PuiseuxSeries` (closed-form derivatives). Each
/// step roughly doubles the number of correct terms and sharpens the leading coefficients.
///
/// The ramification is not an input: the iteration starts in t = d^(-1/b_0), b_0 the common
/// denominator of the leading exponents e_i, and the arithmetic refines it where F_d demands
/// (a square root of a series of odd valuation doubles b). b is the ramification of the
/// converged series. Degenerate families (p = 1, m = 1 and m = 2, type I, b = 4), whose
/// leading-order Jacobian in η is singular even in the variables of the true leading exponents,
/// make the direct iteration diverge; they are solved by the staged coefficient solve
/// (`solveByCoefficients`, SeriesFamilySolver+Coefficients.swift).
public struct SeriesFamilySolver: Sendable {
    public typealias S = PuiseuxSeries<BigFloat>

    public var precision: Int
    /// Terms per coordinate in t = d^(-1/b): t^0 ... t^(terms - 1), then O(t^terms).
    public var terms: Int
    public var maximumIterations = 30
    public var trace = getenv("PUISEUX_TRACE") != nil
    /// The context margin the direct solve starts from (nil: `contextMargin(ramification:)`);
    /// a test starts it at 0 to exercise the retry on a short context.
    var startingMargin: Int? = nil

    public init(precision: Int, terms: Int) {
        self.precision = precision
        self.terms = terms
    }

    public func solve(pattern: IsotropyPattern, limit: [Rational], leading: LeadingBehaviour) throws -> FamilySeries {
        do {
            return try solveDirect(pattern: pattern, limit: limit, leading: leading)
        } catch let error as ComputationError {
            if trace { print("direct Newton failed (\(error)); staged solve") }
        } catch let error as SolverError {
            if trace { print("direct Newton failed (\(error)); staged solve") }
        }
        // The staged solve's dense coefficient system grows with the cube of the orders; past
        // its nonlinear phase the direct iteration lengthens its result far more cheaply (a
        // 9 x 9 solve over series per step).
        if terms > Self.stagedTerms {
            var head = self
            head.terms = Self.stagedTerms
            let short = try head.solveByCoefficients(pattern: pattern, limit: limit, leading: leading)
            do {
                return try lift(short, pattern: pattern, limit: limit)
            } catch {
                if trace { print("lengthening the staged solve's \(Self.stagedTerms) terms failed (\(error)); staged solve to \(terms)") }
            }
        }
        return try solveByCoefficients(pattern: pattern, limit: limit, leading: leading)
    }

    /// The terms a degenerate family's staged solve runs to before the direct iteration
    /// lengthens the result: 12 (the default internal length of a printed family, for which the
    /// staged solve was validated; its kernel directions lag 2-3 orders behind).
    static let stagedTerms = 12

    /// Newton on the whole truncated series at once: quadratic convergence, enough when the
    /// Jacobian in η is invertible at leading order (all regular b = 2 families).
    func solveDirect(pattern: IsotropyPattern, limit: [Rational], leading: LeadingBehaviour, start: [[BigFloat]]? = nil, startRamification: Int = 1,
                     staged: Bool = false, startPrecision: Int? = nil) throws -> FamilySeries {
        let b0 = start == nil ? leading.ramification : startRamification
        var margin = startingMargin ?? Self.contextMargin(ramification: b0)
        while true {
            do {
                return try solveDirect(pattern: pattern, limit: limit, leading: leading, start: start, startRamification: startRamification, staged: staged,
                                       startPrecision: startPrecision, margin: margin)
            } catch let short as ShortContext {
                // The step's O-term fell above the orders it must fix: F_d cancelled more than
                // the margin allows. Longer series, same iteration (Docs/family-series.md).
                guard margin < 4 * terms else {
                    throw SolverError.notConverged("series Newton: F_d is known to too few orders even with \(margin) context terms")
                }
                if trace { print("context too short by \(short.missingTerms) terms; margin \(margin) -> \(margin + short.missingTerms + 2)") }
                margin += short.missingTerms + 2
            }
        }
    }

    /// Context terms beyond the orders a solve needs, at ramification b: F_d's pieces of size d^2
    /// cancel, so F_d at series known to O(t^N) is known to about O(t^(N - 2b)). Enough for every
    /// catalogue family; where it is not, the O-terms of the Newton step say so (`ShortContext`)
    /// and the direct solve runs again on longer series. (24 before: the same digits, 1.5x slower.)
    static func contextMargin(ramification b: Int) -> Int { 2 * b }

    /// A Newton step whose O-term lies above the last order it must fix.
    struct ShortContext: Error { let missingTerms: Int }

    /// `startPrecision`: the precision the start was solved at, when lower than this solver's (a
    /// degenerate family lifted to 2P). The first step then takes its Jacobian at that precision:
    /// where the Jacobian's leading terms cancel (the kernel directions), the start's rounding
    /// residue, about 2^-startPrecision, is cancelled by the series arithmetic at that precision
    /// and would pass for a term at this one, making the iteration diverge. The step's own error
    /// is that residue times the step, below this precision's floor; later steps take the
    /// Jacobian at the iterate, now accurate at this precision.
    func solveDirect(pattern: IsotropyPattern, limit: [Rational], leading: LeadingBehaviour, start: [[BigFloat]]?, startRamification: Int, staged: Bool,
                     startPrecision: Int? = nil, margin: Int) throws -> FamilySeries {
        let n = pattern.dimension
        precondition(limit.count == n && leading.exponents.count == n)
        let context = SeriesContext(precision: precision, relativeTerms: terms + margin)
        let variables = EtaVariables(pattern: pattern, limit: limit, leading: leading, context: context)
        let model = variables.model, scales = variables.scales

        var b = variables.initialRamification
        var order = Rational(terms, b)
        var eta = leading.coefficients.map { S(constant: BigFloat($0, precision: precision), context: context) }
        if let start {
            b = startRamification
            order = Rational(terms, b)
            eta = start.map { S(ramification: b, valuation: 0, coefficients: $0.map { BigFloat($0, precision: precision) }, order: nil, context: context) }
        }
        // The iterate is a polynomial in t, treated as exact: its O-term is a truncation, not an
        // error claim, so F_d at it is known to the context's length and the Newton step is not
        // limited by the d^2 cancellations inside F_d. Accuracy is what the residual says.
        func coordinates() -> [S] { variables.xi(eta).map { $0.polynomialPart(aboveDExponent: -order) } }
        var iterations = 0, stalled = 0
        while true {
            iterations += 1
            guard iterations <= maximumIterations else {
                throw SolverError.notConverged("series Newton did not converge in \(maximumIterations) steps (ramification \(b), order d^(\(-order)))")
            }
            let step: [S]
            if iterations == 1, let coarse = startPrecision, coarse < precision {
                step = try Self.coarseStep(pattern: pattern, limit: limit, leading: leading, at: coordinates(),
                                           field: try model.field(coordinates()), precision: coarse)
            } else {
                let (field, jacobian) = try model.fieldAndJacobian(coordinates(), parallel: true)
                let scaled = (0..<n).map { j in (0..<n).map { k in jacobian[j, k] * scales[k] } }
                step = try SeriesLinearSystem.solve(scaled, field)
            }
            var largest = 0.0
            for k in 0..<n {
                let cut = order - leading.exponents[k]
                if let known = step[k].dOrder, known > -cut {
                    let (p, q) = ((known + cut) * Rational(b)).intComponents!
                    throw ShortContext(missingTerms: (p + q - 1) / q)
                }
                // η has no terms above d^0; a step with such terms comes from an inaccurate start
                // and is dropped, but it must die out: it counts towards convergence.
                for term in step[k].terms where term.dExponent > -cut {
                    largest = max(largest, term.coefficient.magnitude.doubleValue)
                }
                eta[k] = (eta[k] - step[k]).polynomialPart(aboveDExponent: -cut, atMost: 0)
            }
            if trace { print("iteration \(iterations): b = \(b), largest step coefficient \(largest)") }
            guard largest.isFinite && largest < 1e30 else {
                throw SolverError.notConverged("series Newton diverged (ramification \(b), order d^(\(-order)))")
            }
            let refined = (0..<n).reduce(b) { lcm($0, eta[$1].ramification) }
            if refined != b {
                b = refined
                order = Rational(terms, b)
                stalled = 0
                continue
            }
            // Converged when a step changes no coefficient above rounding level (relative to
            // the coefficients' size, which grows like c^j for the j-th), twice in a row. (Once
            // after a step with half the bits is not enough: the constant of the quadratic
            // convergence is large for the high orders, and p1-m0-I's 2P lift then lost up to
            // 18 of its 75 digits on them.)
            if largest < 1e-200 || log2Magnitude(largest) < -Double(precision) * 0.8 + Double(terms) * 4 { stalled += 1 } else { stalled = 0 }
            // A step that changed nothing leaves the iterate where it was: the next is the same.
            if stalled >= 2 || largest == 0 && stalled >= 1 { break }
        }
        let xi = coordinates()
        let residual = try model.field(xi)
        let loss = try model.loss(xi)
        return FamilySeries(ramification: b, coordinates: xi, loss: loss, residual: residual,
                            leadingExponents: leading.exponents, iterations: iterations, terms: terms, staged: staged)
    }

    /// The Newton step for η solved at `bits` of precision (DF_d at ξ, F_d rounded to it: the
    /// step's relative error 2^-bits is far below the step), returned in ξ's context.
    static func coarseStep(pattern: IsotropyPattern, limit: [Rational], leading: LeadingBehaviour, at xi: [S], field: [S], precision bits: Int) throws -> [S] {
        let context = xi[0].context
        var coarse = context
        coarse.precision = bits
        func rounded(_ s: S) -> S { s.mapCoefficients(context: coarse) { BigFloat($0, precision: bits) } }
        let variables = EtaVariables(pattern: pattern, limit: limit, leading: leading, context: coarse)
        let (_, jacobian) = try variables.model.fieldAndJacobian(xi.map(rounded), parallel: true)
        let n = xi.count
        let scaled = (0..<n).map { j in (0..<n).map { k in jacobian[j, k] * variables.scales[k] } }
        return try SeriesLinearSystem.solve(scaled, field.map(rounded)).map { $0.mapCoefficients(context: context) { BigFloat($0, precision: context.precision) } }
    }

    /// A solution found at another precision, refined at this solver's precision (Newton from all
    /// its coefficients: quadratic convergence from the first step, so two or three series
    /// evaluations instead of a solve from the leading terms).
    public func lift(_ solution: FamilySeries, pattern: IsotropyPattern, limit: [Rational]) throws -> FamilySeries {
        let start = solution.solvedCoefficients ?? solution.eta(limit: limit)
        let leading = LeadingBehaviour(exponents: solution.leadingExponents, coefficients: start.map { $0[0] })
        let startPrecision = solution.coordinates[0].precision
        let otherPrecision = startPrecision != precision
        // One chain of attempts, the next tried when one fails. Lifted to a higher precision,
        // the series carries the lower one's rounding residue in its leading terms; where they
        // cancel (a degenerate family's kernel directions, a row tending to 0 whose norm the
        // kernel divides by) the plain iteration cannot tell the residue from a term and
        // diverges, and a first step with the start's Jacobian at the start's precision does
        // not (`coarseStep`). A degenerate family goes there directly; the staged coefficient
        // solve is its last resort. At the same precision (a longer series) the plain iteration
        // converges in a few steps.
        var attempts: [(name: String, run: () throws -> FamilySeries)] = []
        if !(solution.staged && otherPrecision) {
            attempts.append(("direct lift", {
                try solveDirect(pattern: pattern, limit: limit, leading: leading, start: start, startRamification: solution.ramification, staged: solution.staged)
            }))
        }
        if otherPrecision {
            attempts.append(("direct lift with the start's Jacobian", {
                try solveDirect(pattern: pattern, limit: limit, leading: leading, start: start, startRamification: solution.ramification,
                                staged: solution.staged, startPrecision: startPrecision)
            }))
        }
        if solution.staged {
            attempts.append(("staged lift", {
                try solveByCoefficients(pattern: pattern, limit: limit, leading: leading, start: start, startRamification: solution.ramification)
            }))
        }
        for (k, attempt) in attempts.enumerated() {
            do {
                return try attempt.run()
            } catch where k + 1 < attempts.count {
                if trace { print("\(attempt.name) failed (\(error)); \(attempts[k + 1].name)") }
            }
        }
        preconditionFailure("the last attempt's error is rethrown")
    }

    func log2Magnitude(_ x: Double) -> Double { x > 0 ? log2(x) : -Double.infinity }
}

/// The variables of both iterations: ξ_i = c_i + d^(-e_i) η_i with η_i(∞) ≠ 0 (e_i the leading
/// exponents), the model in series arithmetic, and b_0, the common denominator of the e_i.
struct EtaVariables {
    typealias S = PuiseuxSeries<BigFloat>
    let model: ReducedLoss<S>
    let scales: [S]
    let limits: [S]
    let initialRamification: Int

    init(pattern: IsotropyPattern, limit: [Rational], leading: LeadingBehaviour, context: SeriesContext) {
        let one = BigFloat(1, precision: context.precision)
        model = ReducedLoss(pattern: pattern, d: S.d(context: context))
        scales = leading.exponents.map { S.monomial(one, dExponent: -$0, context: context) }
        limits = limit.map { S(constant: BigFloat($0, precision: context.precision), context: context) }
        initialRamification = leading.ramification
    }

    /// ξ from η.
    func xi(_ eta: [S]) -> [S] { (0..<eta.count).map { limits[$0] + scales[$0] * eta[$0] } }
}

/// The result of `SeriesFamilySolver`: the coordinates and the loss as Puiseux series with
/// their O-terms, and F_d evaluated at the truncated series (the verification residual).
public struct FamilySeries: Sendable {
    public typealias S = PuiseuxSeries<BigFloat>
    public let ramification: Int
    public let coordinates: [S]
    public let loss: S
    public let residual: [S]
    public let leadingExponents: [Rational]
    public let iterations: Int
    /// Terms per coordinate computed (the solver's internal length).
    public let terms: Int
    /// Whether the staged coefficient solve (degenerate families) produced it.
    public let staged: Bool
    /// The staged solve's coefficients of η in t, every order it solved (beyond `terms` by the
    /// lag of the kernel directions): the start of a lift, which then needs no extension.
    var solvedCoefficients: [[BigFloat]]? = nil

    /// The same series, counted to `count` terms per coordinate (at most `terms`): what a
    /// certificate of fewer coefficients starts from (`FamilyEnclosure`).
    public func counted(toTerms count: Int) -> FamilySeries {
        FamilySeries(ramification: ramification, coordinates: coordinates, loss: loss, residual: residual, leadingExponents: leadingExponents,
                     iterations: iterations, terms: min(count, terms), staged: staged, solvedCoefficients: solvedCoefficients)
    }

    /// η_k = (ξ_k - c_k) d^(e_k): the coefficients of t^0, t^1, ... the solvers iterate on.
    func eta(limit: [Rational]) -> [[BigFloat]] {
        let context = coordinates[0].context
        let one = BigFloat(1, precision: context.precision)
        return coordinates.indices.map { k in
            let c = S(constant: BigFloat(limit[k], precision: context.precision), context: context)
            let eta = (coordinates[k] - c) * S.monomial(one, dExponent: leadingExponents[k], context: context)
            return (0..<terms).map { j in eta.terms.first { $0.dExponent == Rational(-j, ramification) }?.coefficient ?? BigFloat(0, precision: context.precision) }
        }
    }
}


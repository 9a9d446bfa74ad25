#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Series
import Landscape

/// Hessian eigenvalues of a family per isotypic component as Puiseux series, computed in the
/// series ring (MATH.md section 4; Docs/spectrum-series.md). The Jacobians of the read-off
/// field on the four fixed-point spaces of `IsotypicSpectrum` are evaluated at the family's
/// series (`SeriesFamilyExpansion`, with its O-term, so every entry knows its own accuracy):
/// Fix(S_q) carries T, Fix(S_{q-1} x S_1) T + S, Fix(S_{q-2} x S_2) T + S + Y and
/// Fix(S_{q-2} x S_1 x S_1) T + 2S + X + Y. Hence, exactly in the series ring,
///
///     λ_y = tr J_Y - tr J_S,   λ_x = tr J_XY - 2 tr J_S + tr J_T - λ_y,
///     charpoly_T = charpoly(J_T),   charpoly_S = charpoly(M_S),
///
/// M_S the block of J_S on Fix(S_(q-1) x S_1) / Fix(S_q) (`quotientBlock`; exact rational change
/// of basis, the other off-diagonal block checked to vanish). Each root is a series
/// λ = d^((b - ℓ)/b) η(t), solved by the staged coefficient solve on charpoly(λ) = 0; a pair of
/// branches with the same leading term (a cluster) is solved as a quadratic factor, k >= 3 of
/// them as a factor of degree k (`clusterRoots(leading:...)`). The start
/// is the root's leading term z d^γ from the Newton polygon of the characteristic polynomial
/// (`leadingTerms`): no numeric seed. A root that leaves its leading term is an error. Rellich:
/// the matrices are similar to symmetric ones
/// analytic in t = d^(-1/b), so the eigenvalues need no finer ramification than the family.
public struct SeriesSpectrum: Sendable {
    public typealias S = PuiseuxSeries<BigFloat>
    public let family: Family
    public let ramification: Int
    public let terms: Int
    /// For each component (t, s, x, y), each eigenvalue: its first `terms` terms in t from its
    /// leading one, then the O-term (so a vanishing eigenvalue still shows its sign).
    public let components: [(name: String, eigenvalues: [S])]
    /// The family's series the matrices were evaluated at.
    public let expansion: SeriesFamilyExpansion

    /// The family's series is computed to terms + k b + 2 terms, k the first of
    /// `familyLengthMargins` with which every eigenvalue is known to its `terms` terms.
    /// `expansion`: the family's series if already computed (it is lifted to the length needed).
    public static func compute(_ family: Family, terms: Int, precision: Int, expansion given: SeriesFamilyExpansion? = nil) throws -> SeriesSpectrum {
        try compute(family, terms: terms, precision: precision, expansion: given, margins: familyLengthMargins)
    }

    static func compute(_ family: Family, terms: Int, precision: Int, expansion given: SeriesFamilyExpansion?, margins: [Int]) throws -> SeriesSpectrum {
        try lengthening(family, terms: terms, precision: precision, expansion: given, margins: margins, label: "spectrum") {
            try spectrum(at: $0, terms: terms)
        }
    }

    /// `body` at the family's series to terms + k b + 2 terms, k the first of `margins` for
    /// which it succeeds; a `SolverError` or `ComputationError` sends the family to the next
    /// length (a too short series fails, it never gives a wrong coefficient), and the last
    /// length's error is rethrown. Shared by the spectrum and `NeuronSplit.ySeries`.
    static func lengthening<R>(_ family: Family, terms: Int, precision: Int, expansion given: SeriesFamilyExpansion?,
                               margins: [Int] = familyLengthMargins, label: String, _ body: (SeriesFamilyExpansion) throws -> R) throws -> R {
        var expansion = given
        for (attempt, margin) in margins.enumerated() {
            expansion = try neededExpansion(family, terms: terms, precision: precision, given: expansion, margin: margin)
            do {
                return try body(expansion!)
            } catch where attempt + 1 < margins.count && (error is SolverError || error is ComputationError) {
                if getenv("PUISEUX_TRACE") != nil { print("\(label) with the family to terms + \(margin) b + 2: \(error); longer") }
            }
        }
        preconditionFailure("the last length's error is rethrown")
    }

    /// Orders of d (in units of b terms) of the family's series beyond the spectrum's terms. The
    /// Jacobian's entries carry d^2 times the coordinates' O-term and an eigenvalue may start at
    /// d^(-1), three orders; the characteristic polynomial's low coefficients are products of
    /// the small eigenvalues and lose more where those cluster: 6 suffice for every catalogue
    /// family (5 do not for p1-m2-I; 8, used before, gave the same digits 20% slower). Too short a
    /// series cannot give a wrong coefficient: the O-terms are exact, and the eigenvalue solve
    /// then fails (too few known orders, an undetermined coefficient), which sends the family to
    /// the next length; the last length's error is the command's.
    static let familyLengthMargins = [6, 8, 10, 12]

    /// The spectrum from the family's series at the length `compute` chose.
    static func spectrum(at expansion: SeriesFamilyExpansion, terms: Int) throws -> SeriesSpectrum {
        let family = expansion.family, precision = expansion.solution.coordinates[0].precision
        let b = expansion.ramification
        let j = try Jacobians(expansion)
        let (jT, jS) = (j.trivial, j.standard)
        let coarse = family.pattern
        let polyT = try CharacteristicPolynomial(jT)
        let polyS = try CharacteristicPolynomial(try quotientBlock(jS, coarse: coarse, fine: try coarse.splittingBigBlock([1])))
        if getenv("PUISEUX_TRACE") != nil {
            for (name, poly) in [("T", polyT), ("S", polyS)] {
                print("charpoly \(name): " + poly.coefficients.map { c in "\(c.leadingDExponent.map { "\($0)" } ?? "-")..O(\(c.dOrder.map { "\($0)" } ?? "-"))" }.joined(separator: ", "))
            }
        }
        let (lambdaX, lambdaY) = try j.exteriorAndY()
        func truncated(_ s: S, _ name: String) throws -> S { try Self.truncated(s, terms: terms, ramification: b, label: "\(family.name): the \(name) eigenvalue") }
        var components: [(name: String, eigenvalues: [S])] = []
        // The twisted components (blocks of size 2 to 6): Fix(fine) modulo the span.
        var twisted: [(String, CharacteristicPolynomial)] = []
        for (space, jacobian) in j.twisted {
            let block = try quotientBlock(jacobian, span: space.span, independent: false)
            if !block.isEmpty { twisted.append((space.name, try CharacteristicPolynomial(block))) }
        }
        for (name, poly) in [("t", polyT), ("s", polyS)] + twisted {
            let found = try poly.seriesRoots(name: "\(family.name): \(name)-eigenvalue", ramification: b, terms: terms, precision: precision,
                                             context: j.context) { try truncated($0, name) }
            components.append((name, found.sorted(by: Self.asymptoticallyBelow)))
        }
        // t, s, x, y, then the twisted ones in IsotypicSplit's order.
        let extra = components.filter { $0.name.contains("-") }
        components = components.filter { !$0.name.contains("-") }
        components.append(("x", [try truncated(lambdaX, "x")]))
        components.append(("y", [try truncated(lambdaY, "y")]))
        components += extra
        return SeriesSpectrum(family: family, ramification: b, terms: terms, components: components, expansion: expansion)
    }

    /// An eigenvalue series cut to `terms` powers of t from its leading one, with that O-term;
    /// throws when the series is not known that far (a longer family series is needed).
    static func truncated(_ s: S, terms: Int, ramification b: Int, label: String) throws -> S {
        guard let lead = s.leadingDExponent else {
            throw SolverError.notConverged("\(label) has no known term (a longer family series is needed)")
        }
        let order = lead - Rational(terms, b)
        if let known = s.dOrder, known > order {
            throw SolverError.notConverged("\(label) is known only to O(d^(\(known))); need O(d^(\(order))) (a longer family series)")
        }
        return s.polynomialPart(aboveDExponent: order).addingBigO(dExponent: order)
    }

    /// u < v for all large d: the first term (in decreasing powers of d) where they differ.
    static func asymptoticallyBelow(_ u: S, _ v: S) -> Bool {
        (u - v).terms.first.map { $0.coefficient.sign < 0 } ?? false
    }

    /// The spectrum at `precision` bits and its confirmation at `confirmation` bits, computed
    /// concurrently once the family's series is known: the confirmation lifts that series to the
    /// higher precision while the working-precision spectrum is computed from it.
    public static func computeConfirmed(_ family: Family, terms: Int, precision: Int, confirmation: Int) throws -> (working: SeriesSpectrum, confirmation: SeriesSpectrum) {
        try atTwoPrecisions(family, terms: terms, precision: precision, confirmation: confirmation) { expansion, bits in
            try compute(family, terms: terms, precision: bits, expansion: expansion)
        }
    }

    /// The spectrum at `precision` bits with the certificate of its eigenvalues
    /// (`SpectrumEnclosure`), and the confirmation at `confirmation` bits where the certificate
    /// does not cover every term (nil where it does: every digit then has a proved bound, and
    /// a second computation would add nothing). A family whose series came from the direct
    /// iteration is certified first, on both cores, and confirmed only when needed; one from
    /// the staged solve (the b = 4 families, which `FamilyEnclosure` refuses, and p1-m2-II) is
    /// computed at both precisions concurrently as in `computeConfirmed`, the certificate (or
    /// its reason) beside: certifying first cost the b = 4 spectra 0.3-0.6 s.
    public static func computeCertified(_ family: Family, terms: Int, precision: Int, confirmation: Int)
        throws -> (working: SeriesSpectrum, confirmation: SeriesSpectrum?, certificate: Result<SpectrumEnclosure, SpectrumEnclosure.NotCertified>) {
        let base = try SeriesFamilyExpansion.compute(family, terms: terms, precision: precision)
        if !base.solution.staged {
            let working = try compute(family, terms: terms, precision: precision, expansion: base)
            let certificate = SpectrumEnclosure.certify(working)
            if case .success(let enclosure) = certificate, enclosure.covers(working) { return (working, nil, certificate) }
            return (working, try compute(family, terms: terms, precision: confirmation, expansion: base), certificate)
        }
        let (working, confirmed, certificate) = try certifiedAndConfirmed(from: base, terms: terms, precision: precision, confirmation: confirmation)
        return (working, confirmed, certificate)
    }

    /// The spectrum at `precision` bits with its certificate, and at `confirmation` bits,
    /// concurrently, from the family's series at P bits (`base`): the route of a family from
    /// the staged solve, and `check`'s, which compares every certified term with the
    /// independent higher-precision one.
    public static func certifiedAndConfirmed(from base: SeriesFamilyExpansion, terms: Int, precision: Int, confirmation: Int)
        throws -> (working: SeriesSpectrum, confirmation: SeriesSpectrum, certificate: Result<SpectrumEnclosure, SpectrumEnclosure.NotCertified>) {
        struct Branch: Sendable { let spectrum: SeriesSpectrum; let certificate: Result<SpectrumEnclosure, SpectrumEnclosure.NotCertified>? }
        let family = base.family
        let (working, confirmed) = try atTwoPrecisions(from: base, terms: terms, precision: precision, confirmation: confirmation) { expansion, bits in
            let spectrum = try compute(family, terms: terms, precision: bits, expansion: expansion)
            return Branch(spectrum: spectrum, certificate: bits == precision ? SpectrumEnclosure.certify(spectrum) : nil)
        }
        return (working.spectrum, confirmed.spectrum, working.certificate!)
    }

    /// `body` at P bits and at `confirmation` bits, on two threads, from the family's series at
    /// P bits and its default length. Each branch lifts it once, to its own precision and the
    /// length it needs (`neededExpansion`): the lift to another precision takes its first step
    /// with the start's Jacobian at the start's precision (`SeriesFamilySolver.lift`), so the P
    /// residue in the leading terms that cancel at a degenerate family's limit is not taken for
    /// a term. (Lifting to 2P first and lengthening after, as before, did the same work twice:
    /// p1-m2-II's spectrum 1.10 -> 0.98 s, byte-identical output.)
    static func atTwoPrecisions<R: Sendable>(_ family: Family, terms: Int, precision: Int, confirmation: Int,
                                             _ body: @escaping @Sendable (SeriesFamilyExpansion, Int) throws -> R) throws -> (working: R, confirmation: R) {
        try atTwoPrecisions(from: try SeriesFamilyExpansion.compute(family, terms: terms, precision: precision), terms: terms,
                            precision: precision, confirmation: confirmation, body)
    }

    /// `atTwoPrecisions` from the family's series already computed at P bits.
    static func atTwoPrecisions<R: Sendable>(from base: SeriesFamilyExpansion, terms: Int, precision: Int, confirmation: Int,
                                             _ body: @escaping @Sendable (SeriesFamilyExpansion, Int) throws -> R) throws -> (working: R, confirmation: R) {
        let both = try Concurrently.run([
            { @Sendable in try body(base, precision) },
            { @Sendable in try body(base, confirmation) },
        ])
        return (both[0], both[1])
    }

    /// The family's series to terms + margin b + 2 terms (see `compute`).
    static func neededExpansion(_ family: Family, terms: Int, precision: Int, given: SeriesFamilyExpansion? = nil, margin: Int) throws -> SeriesFamilyExpansion {
        // The family at its default length first, then lifted to the length needed: Newton from
        // a whole solution converges from the first step, where a solve at the full length from
        // the leading terms goes through every stage of the staged solve at that length.
        var expansion = try given ?? SeriesFamilyExpansion.compute(family, terms: terms, precision: precision)
        let needed = terms + margin * expansion.ramification + 2
        if expansion.terms != needed || expansion.solution.coordinates[0].precision != precision {
            expansion = try expansion.lifted(toPrecision: precision, terms: needed)
        }
        return expansion
    }

    /// J restricted to the quotient Fix(fine) / Fix(coarse): Fix(coarse) (embedded: exact
    /// rational vectors V, the same at every d) is invariant under the Hessian, so in the basis
    /// W = [V | U] (U: unit vectors completing V) W^(-1) J W is block upper triangular and its
    /// lower-right block carries exactly the eigenvalues of Fix(fine) not in Fix(coarse) (the
    /// standard ones for fine = Fix(S_(q-1) x S_1)). No division of characteristic polynomials,
    /// whose long division amplifies O-terms by the size of the roots. The lower-left block must
    /// vanish to the known order (checked).
    static func quotientBlock(_ j: [[S]], coarse: IsotropyPattern, fine: IsotropyPattern) throws -> [[S]] {
        try quotientBlock(j, span: try embeddedBasis(coarse, into: fine), independent: true)
    }

    /// Fix(coarse)'s unit vectors embedded in Fix(fine)'s coordinates (exact).
    static func embeddedBasis(_ coarse: IsotropyPattern, into fine: IsotropyPattern) throws -> [[Rational]] {
        try (0..<coarse.dimension).map { i in try coarse.embed((0..<coarse.dimension).map { Rational($0 == i ? 1 : 0) }, into: fine) }
    }

    /// J on Fix(fine) modulo the span of exact vectors in its coordinates (an invariant subspace:
    /// `IsotypicSplit`'s spans); dependent vectors are skipped unless `independent` says there are
    /// none (then one is an error).
    static func quotientBlock(_ j: [[S]], span v: [[Rational]], independent: Bool) throws -> [[S]] {
        let bits = j[0][0].precision
        let noise = try NumericZeroRule.residueFloor(precision: bits)
        let size = j.joined().compactMap { $0.coefficients.first?.magnitude }.max() ?? BigFloat(1, precision: bits)
        return try quotientBlock(j, span: v, independent: independent) { entry in
            guard let worst = entry.coefficients.map(\.magnitude).max(), worst > noise * size else { return nil }
            return "a term of size \(worst.formatted(significantDigits: 3))"
        }
    }

    /// `quotientBlock(_:span:independent:)` over any coefficient (balls in `SpectrumEnclosure`).
    /// `nonzero`: why an entry of the lower-left block does not vanish to the known order, or nil.
    static func quotientBlock<C: SeriesCoefficient>(_ j: [[PuiseuxSeries<C>]], span v: [[Rational]], independent: Bool,
                                                   nonzero: (PuiseuxSeries<C>) -> String?) throws -> [[PuiseuxSeries<C>]] {
        typealias T = PuiseuxSeries<C>
        let n = j.count
        // Complete V by unit vectors, exactly (row echelon over the rationals).
        var echelon: [[Rational]] = [], pivots: [Int] = []
        func reduced(_ x: [Rational]) throws -> [Rational] {
            var r = x
            for (row, p) in zip(echelon, pivots) where r[p] != .zero {
                let f = try r[p] / row[p]
                for c in 0..<n { r[c] = r[c] - f * row[c] }
            }
            return r
        }
        func add(_ x: [Rational]) throws -> Bool {
            let r = try reduced(x)
            guard let p = r.firstIndex(where: { $0 != .zero }) else { return false }
            echelon.append(r); pivots.append(p)
            return true
        }
        var columns: [[Rational]] = []
        for x in v {
            if try add(x) { columns.append(x) } else if independent {
                throw SolverError.noCriticalPoint("quotient block: the embedded coarse space is degenerate")
            }
        }
        let k = columns.count
        for i in 0..<n where columns.count < n {
            let e = (0..<n).map { Rational($0 == i ? 1 : 0) }
            if try add(e) { columns.append(e) }
        }
        // W (n x n, columns = basis vectors) and its inverse by Gauss–Jordan over the rationals.
        var w = (0..<n).map { r in (0..<n).map { c in columns[c][r] } }
        var inverse = (0..<n).map { r in (0..<n).map { Rational($0 == r ? 1 : 0) } }
        for c in 0..<n {
            guard let p = (c..<n).first(where: { w[$0][c] != .zero }) else { throw SolverError.noCriticalPoint("quotient block: singular basis") }
            w.swapAt(c, p); inverse.swapAt(c, p)
            let pivot = w[c][c]
            w[c] = try w[c].map { try $0 / pivot }; inverse[c] = try inverse[c].map { try $0 / pivot }
            for r in 0..<n where r != c && w[r][c] != .zero {
                let f = w[r][c]
                w[r] = zip(w[r], w[c]).map { $0 - f * $1 }
                inverse[r] = zip(inverse[r], inverse[c]).map { $0 - f * $1 }
            }
        }
        let bits = j[0][0].precision
        let context = j[0][0].context
        let zero = T(constant: C.constant(.zero, precision: bits), context: context)
        func scaled(_ x: T, _ q: Rational) -> T { q == .zero ? zero : (q == .one ? x : x.scaled(by: C.constant(q, precision: bits))) }
        // J W, then W^(-1) (J W) on the rows and columns k..<n (and the lower-left block for the check).
        let jw = (0..<n).map { r in (0..<n).map { c in (0..<n).reduce(zero) { $0 + scaled(j[r][$1], columns[c][$1]) } } }
        func entry(_ r: Int, _ c: Int) -> T { (0..<n).reduce(zero) { $0 + scaled(jw[$1][c], inverse[r][$1]) } }
        for r in k..<n {
            for c in 0..<k {
                if let why = nonzero(entry(r, c)) {
                    throw SolverError.notConverged("quotient block: Fix(coarse) is not invariant to the known order (\(why))")
                }
            }
        }
        return (k..<n).map { r in (k..<n).map { c in entry(r, c) } }
    }

    /// The Jacobians of the read-off field on the four fixed-point spaces, at a family's series
    /// with its certified O-term (the expansion's `terms`; its 4 internal extra terms are a tail
    /// estimate, not certified).
    public struct Jacobians {
        /// On Fix(S_q) (T) and Fix(S_{q-1} x S_1) (T + S): whole, for the characteristic
        /// polynomials.
        public let trivial: [[S]], standard: [[S]]
        /// The diagonals on Fix(S_{q-2} x S_2) (T + S + Y) and Fix(S_{q-2} x S_1 x S_1)
        /// (T + 2S + X + Y): λ_x and λ_y need only traces (`ReducedLoss.jacobianDiagonal`).
        public let yDiagonal: [S], exteriorDiagonal: [S]
        /// The whole Jacobian on Fix(S_{q-2} x S_1 x S_1), when asked for (`lastRowsStandardBlock`).
        public let exterior: [[S]]?
        public let context: SeriesContext
        /// With small blocks of size 2 to 6: the whole Jacobian on each space of the components
        /// twisted by its irreducibles (`IsotypicSplit`), with the space; empty otherwise.
        public let twisted: [(space: IsotypicSplit.Space, jacobian: [[S]])]

        /// `wholeExterior`: also the whole Jacobian on Fix(S_{q-2} x S_1 x S_1).
        public init(_ expansion: SeriesFamilyExpansion, wholeExterior: Bool = false) throws {
            let b = expansion.ramification
            let order = Rational(expansion.terms, b)
            let xi = expansion.solution.coordinates.map { $0.addingBigO(dExponent: -order) }
            context = xi[0].context
            let d = S.d(context: context)
            let coarse = expansion.family.pattern
            @Sendable func embedded(_ fine: IsotropyPattern) throws -> [S] {
                fine.dimension == coarse.dimension ? xi : try coarse.embed(xi, into: fine)
            }
            @Sendable func jacobian(_ fine: IsotropyPattern) throws -> [[S]] {
                let at = try embedded(fine)
                let j = try ReducedLoss(pattern: fine, d: d).fieldAndJacobian(at, parallel: true).jacobian
                return (0..<at.count).map { r in (0..<at.count).map { j[r, $0] } }
            }
            @Sendable func diagonal(_ fine: IsotropyPattern) throws -> [[S]] {
                [try ReducedLoss(pattern: fine, d: d).jacobianDiagonal(try embedded(fine), parallel: true)]
            }
            let (t, s, y, x) = (coarse, try coarse.splittingBigBlock([1]), try coarse.splittingBigBlock([2]), try coarse.splittingBigBlock([1, 1]))
            let all = try Concurrently.run([
                { @Sendable in try jacobian(t) }, { @Sendable in try jacobian(s) },
                { @Sendable in try diagonal(y) }, { @Sendable in wholeExterior ? try jacobian(x) : try diagonal(x) },
            ])
            (trivial, standard, yDiagonal) = (all[0], all[1], all[2][0])
            exterior = wholeExterior ? all[3] : nil
            exteriorDiagonal = wholeExterior ? all[3].indices.map { all[3][$0][$0] } : all[3][0]
            twisted = try Self.twisted(at: xi, coarse: coarse, d: d)
        }

        /// The whole Jacobian on each space of the components twisted by a small block's
        /// irreducibles (`IsotypicSplit`), at `xi` over any coefficient (series over MPFR here,
        /// over balls in `SpectrumEnclosure`); empty without small blocks of size 2 to 6.
        static func twisted<C: SeriesCoefficient & Sendable>(at xi: [PuiseuxSeries<C>], coarse: IsotropyPattern, d: PuiseuxSeries<C>) throws
            -> [(space: IsotypicSplit.Space, jacobian: [[PuiseuxSeries<C>]])] {
            let split = try IsotypicSplit(coarse)
            let spaces = split.spaces.filter { $0.name.contains("-") }
            let jacobians = try Concurrently.map(spaces.map(\.fine)) { fine -> [[PuiseuxSeries<C>]] in
                let at = try split.coordinates(xi, in: fine)
                let j = try ReducedLoss(pattern: fine, d: d).fieldAndJacobian(at, parallel: true).jacobian
                return (0..<at.count).map { r in (0..<at.count).map { j[r, $0] } }
            }
            return Array(zip(spaces, jacobians))
        }

        /// λ_x and λ_y from the traces of the Jacobians on Fix(S_q) (T), Fix(S_(q-1) x S_1) (T + S),
        /// Fix(S_(q-2) x S_2) (T + S + Y) and Fix(S_(q-2) x S_1 x S_1) (T + 2S + X + Y), on any
        /// scalar (series over MPFR here, over balls in `FamilyEnclosure`).
        public static func exteriorAndY<T: ScalarField>(trivial t: T, standard s: T, y ty: T, exterior txy: T) -> (x: T, y: T) {
            let y = ty - s
            return (txy - s - s + t - y, y)
        }

        /// λ_x and λ_y exactly from traces (T + 2S + X + Y, T + S + Y, T + S, T), cleaned of
        /// rounding residue below 2^(-P/2) of the same traces in absolute values.
        public func exteriorAndY() throws -> (x: S, y: S) {
            let zero = S(constant: BigFloat(0, precision: context.precision), context: context)
            func sum(_ diagonal: [S]) -> S { diagonal.reduce(zero, +) }
            func absoluteSum(_ diagonal: [S]) -> S { sum(diagonal.map { $0.mapCoefficients(context: context) { $0.magnitude } }) }
            let (t, s) = (trivial.indices.map { trivial[$0][$0] }, standard.indices.map { standard[$0][$0] })
            let (rawX, rawY) = Self.exteriorAndY(trivial: sum(t), standard: sum(s), y: sum(yDiagonal), exterior: sum(exteriorDiagonal))
            let boundY = absoluteSum(yDiagonal) + absoluteSum(s)
            let boundX = absoluteSum(exteriorDiagonal) + absoluteSum(s) + absoluteSum(s) + absoluteSum(t) + boundY
            return (try CharacteristicPolynomial.withoutNoise(rawX, bound: boundX), try CharacteristicPolynomial.withoutNoise(rawY, bound: boundY))
        }
    }

    /// Paper 000, section 5.2 (k = d + 2): the Hessian block of the last two rows of W has, on
    /// the standard component of S_(d-1) acting on its columns, a 2 x 2 block (each eigenvalue of
    /// multiplicity d - 2). Its entries come from the Jacobian on Fix(S_(q-2) x S_1 x S_1): the
    /// perturbation of extra row a by +1 at one split column and -1 at the other is the
    /// coordinate vector u_a = e(E_a,s1) - e(E_a,s2); those coordinates count one entry each, so
    /// u_a^T J u_b is the second derivative of L, and |δW|^2 = 2. Eigenvalues from the trace and
    /// the discriminant in the series ring. Needs p = 1 and at least two extra rows.
    public static func lastRowsStandardBlock(_ jacobians: Jacobians, pattern: IsotropyPattern) throws -> (lower: S, upper: S) {
        guard pattern.smallBlocks == [1], pattern.extraRows >= 2 else {
            throw SolverError.noCriticalPoint("the last-rows block needs p = 1 and at least two extra rows")
        }
        let fine = try pattern.splittingBigBlock([1, 1])
        let m = pattern.extraRows
        func index(_ row: Int, _ block: Int) throws -> Int {
            guard let i = fine.coordinates.firstIndex(of: .extra(row: row, columnBlock: block)) else {
                throw SolverError.noCriticalPoint("no coordinate E_\(row + 1)\(block + 1)")
            }
            return i
        }
        let rows = [m - 2, m - 1]
        guard let j = jacobians.exterior else {
            throw SolverError.noCriticalPoint("the last-rows block needs the whole Jacobian on Fix(S_(q-2) x S_1 x S_1) (Jacobians(_:wholeExterior: true))")
        }
        let context = jacobians.context
        let half = BigFloat(Rational(1, 2), precision: context.precision)
        func entry(_ a: Int, _ b: Int) throws -> S {
            let (p1, p2) = (try index(rows[a], 1), try index(rows[a], 2))
            let (q1, q2) = (try index(rows[b], 1), try index(rows[b], 2))
            return (j[p1][q1] - j[p1][q2] - j[p2][q1] + j[p2][q2]).scaled(by: half)
        }
        let (a, b, c) = (try entry(0, 0), try entry(0, 1), try entry(1, 1))
        let trace = a + c
        let discriminant = (a - c) * (a - c) + (b * b).scaled(by: BigFloat(4, precision: context.precision))
        guard let leading = discriminant.terms.first?.coefficient, leading.sign > 0 else {
            throw SolverError.notConverged("the last-rows block has equal eigenvalues to the known order")
        }
        let root = try S.sqrt(discriminant)
        return ((trace - root).scaled(by: half), (trace + root).scaled(by: half))
    }
}

import Numbers

/// The loss restricted to the fixed-point space of an `IsotropyPattern`, as an explicit
/// function of the coordinates ξ and of d, for REAL d (or d a series): every entry count and
/// every inner product between rows is a polynomial in d (MATH.md section 2).
///
/// One implementation, generic over the scalar: Double, BigFloat, Dual<BigFloat> (∂/∂d) and
/// PuiseuxSeries (d -> infinity) all run this code. L is a list of terms (`terms`) in the rows'
/// Gram quantities, which are quadratic in ξ; gradient and Jacobian compose them with the
/// kernel's closed-form partials (Docs/derivatives.md).
public struct ReducedLoss<T: ElementaryScalar>: Sendable {
    public let pattern: IsotropyPattern
    public let d: T

    /// L's terms with the Gram quantities as quadratic forms (`terms`), built once per model:
    /// they depend on the pattern and d only, and a solver evaluates one model many times.
    let symbolic: [Term<QuadraticForm<T>>]

    public init(pattern: IsotropyPattern, d: T) {
        self.pattern = pattern
        self.d = d
        symbolic = Self.symbolicTerms(pattern: pattern, d: d)
    }

    /// One summand of L: `count` times a polynomial in the coordinates, times the kernel f(a, b, c)
    /// of two rows (b = nil: a target row, |e_j|^2 = 1), or times (c + |c|)/4 (two parallel rows).
    enum Term<Form: Sendable>: Sendable {
        case polynomial(count: T, Form)
        case kernel(count: T, a: Form, b: Form?, c: Form)
        case parallelPair(count: T, c: Form)
    }

    /// L as a sum of terms in the rows' norms and inner products (MATH.md section 2), the Gram
    /// quantities given as polynomials in `xi` of any type `Form` (quadratic forms for the
    /// derivatives); the constant d/4 + d(d-1)/(4 pi) is left out.
    static func terms<Form: ScalarField>(pattern: IsotropyPattern, d: T, _ xi: [Form], sizes formSizes: [Form]) -> [Term<Form>] {
        let geometry = RowGeometry(pattern: pattern, sizes: formSizes, xi: xi)
        var terms: [Term<Form>] = []
        let half = d.constant(Rational(1, 2)), one = d.constant(1)
        let sizes = pattern.blockSizes(d: d)
        // 1/2 Σ_{i,j} f(w_i, w_j): identical rows give |w|^2/2 ...
        for a in 0..<pattern.blockCount { terms.append(.polynomial(count: half * half * sizes[a], geometry.blockNorm[a])) }
        for e in 0..<pattern.extraRows { terms.append(.polynomial(count: half * half, geometry.extraNorm[e])) }
        // ... distinct rows in one block, in two blocks, a block row and an extra row, two extra rows.
        for a in 0..<pattern.blockCount where pattern.hasOffDiagonal(a) {
            terms.append(.kernel(count: half * sizes[a] * (sizes[a] - one), a: geometry.blockNorm[a], b: geometry.blockNorm[a], c: geometry.sameBlockInner[a]))
        }
        // f is symmetric in its two rows and so are the inner products: each unordered pair of
        // distinct blocks (or extra rows) once, with twice the count of an ordered pair.
        for a in 0..<pattern.blockCount {
            for b in (a + 1)..<pattern.blockCount {
                terms.append(.kernel(count: sizes[a] * sizes[b], a: geometry.blockNorm[a], b: geometry.blockNorm[b], c: geometry.blockInner(a, b)))
            }
            for e in 0..<pattern.extraRows {
                terms.append(.kernel(count: sizes[a], a: geometry.blockNorm[a], b: geometry.extraNorm[e], c: geometry.blockExtraInner(a, e)))
            }
        }
        for e in 0..<pattern.extraRows {
            for e2 in (e + 1)..<pattern.extraRows {
                // With one block every extra row is a multiple of (1, ..., 1): the pair is
                // always parallel (G = 0), where f = |w||v|/2 or 0, i.e. (c + |c|)/4.
                terms.append(pattern.blockCount == 1
                    ? .parallelPair(count: one, c: geometry.extraInner(e, e2))
                    : .kernel(count: one, a: geometry.extraNorm[e], b: geometry.extraNorm[e2], c: geometry.extraInner(e, e2)))
            }
        }
        // - Σ_{i, j} f(w_i, e_j): the target rows are the unit vectors.
        for a in 0..<pattern.blockCount {
            terms.append(.kernel(count: -sizes[a], a: geometry.blockNorm[a], b: nil, c: geometry.coordinate(.diagonal(block: a))))
            if pattern.hasOffDiagonal(a) {
                terms.append(.kernel(count: -(sizes[a] * (sizes[a] - one)), a: geometry.blockNorm[a], b: nil, c: geometry.coordinate(.offDiagonal(block: a))))
            }
            for b in 0..<pattern.blockCount where b != a {
                terms.append(.kernel(count: -(sizes[a] * sizes[b]), a: geometry.blockNorm[a], b: nil, c: geometry.coordinate(.cross(rowBlock: a, columnBlock: b))))
            }
        }
        for e in 0..<pattern.extraRows {
            for b in 0..<pattern.blockCount {
                terms.append(.kernel(count: -sizes[b], a: geometry.extraNorm[e], b: nil, c: geometry.coordinate(.extra(row: e, columnBlock: b))))
            }
        }
        return terms
    }

    /// + 1/2 Σ f(e_i, e_j) = d/4 + d(d-1)/(4 pi): the target's own part of L.
    func targetConstant() throws -> T {
        let pi = try d.pi()
        let quarter = d.constant(Rational(1, 4))
        return quarter * d + (try (d * (d - d.constant(1))) / (pi + pi + pi + pi))
    }

    /// The Gram quantities of `terms` as quadratic forms in the coordinates.
    static func symbolicTerms(pattern: IsotropyPattern, d: T) -> [Term<QuadraticForm<T>>] {
        let n = pattern.dimension
        let unit = d.constant(1)
        let xi = (0..<n).map { QuadraticForm.coordinate($0, width: n, unit: unit) }
        return terms(pattern: pattern, d: d, xi, sizes: pattern.blockSizes(d: d).map { QuadraticForm(constant: $0, width: n) })
    }

    /// One term of L at ξ: count · its value, the jets of the Gram quantities it depends on,
    /// and count · its partials in them (`first`), with count · its second partials when asked
    /// for (`second`; nil for the terms that are linear in their Gram quantities).
    struct TermAtPoint {
        let value: T
        let jets: [QuadraticJet<T>]
        let first: [T]
        let second: [[T]]?
    }

    /// The one evaluation of a term that the loss, the gradient and the Jacobian share.
    func evaluate(_ term: Term<QuadraticForm<T>>, at xi: [T], secondOrder: Bool) throws -> TermAtPoint {
        switch term {
        case .polynomial(let count, let p):
            let jet = p.jet(at: xi)
            return TermAtPoint(value: count * jet.value, jets: [jet], first: [count], second: nil)
        case .parallelPair(let count, let c):
            let jet = c.jet(at: xi)
            let (value, slope) = try Self.parallelPair(jet.value)
            return TermAtPoint(value: count * value, jets: [jet], first: [count * slope], second: nil)
        case .kernel(let count, let a, let b, let c):
            let (ja, jb, jc) = (a.jet(at: xi), b?.jet(at: xi), c.jet(at: xi))
            let k = try ReluKernel(a: ja.value, b: jb?.value ?? d.constant(1), c: jc.value, secondOrder: secondOrder)
            let value = count * k.value
            guard let jb else {
                let second = k.second.map { f in [[f.aa, f.ac], [f.ac, f.cc]].map { $0.map { count * $0 } } }
                return TermAtPoint(value: value, jets: [ja, jc], first: [count * k.da, count * k.dc], second: second)
            }
            let second = k.second.map { f in [[f.aa, f.ab, f.ac], [f.ab, f.bb, f.bc], [f.ac, f.bc, f.cc]].map { $0.map { count * $0 } } }
            return TermAtPoint(value: value, jets: [ja, jb, jc], first: [count * k.da, count * k.db, count * k.dc], second: second)
        }
    }

    /// L(ξ; d) and its gradient ∂L/∂ξ (not divided by the entry counts): the kernel's
    /// closed-form partials composed with the Gram quantities' gradients (chain rule, exact).
    public func lossAndGradient(_ xi: [T]) throws -> (loss: T, gradient: [T]) {
        precondition(xi.count == pattern.dimension, "expected \(pattern.dimension) coordinates")
        var loss = try targetConstant()
        var gradient = [T](repeating: d.constant(0), count: xi.count)
        for term in symbolic {
            let t = try evaluate(term, at: xi, secondOrder: false)
            loss = loss + t.value
            for (jet, w) in zip(t.jets, t.first) {
                for (i, g) in jet.gradient { gradient[i] = gradient[i] + w * g }
            }
        }
        return (loss, gradient)
    }

    /// (c + |c|)/4 and its slope (1 + sign c)/4 (c != 0; its second derivative vanishes).
    static func parallelPair(_ c: T) throws -> (value: T, slope: T) {
        let magnitude = try T.sqrt(c * c)
        let quarter = c.constant(Rational(1, 4))
        return (quarter * (c + magnitude), quarter * (c.constant(1) + (try magnitude / c)))
    }

    public func loss(_ xi: [T]) throws -> T { try lossAndGradient(xi).loss }

    /// The read-off field F_d(ξ)_i = (∂L/∂ξ_i) / count_i: the gradient of L at one entry of
    /// each orbit. Its zeros are the critical points of L with this isotropy.
    public func field(_ xi: [T]) throws -> [T] {
        let g = try lossAndGradient(xi).gradient
        let counts = pattern.entryCounts(d: d)
        return try zip(g, counts).map { try $0 / $1 }
    }
}

/// Norms and inner products of the rows of a fixed matrix, as polynomials in the coordinates.
struct RowGeometry<S: ScalarField> {
    let pattern: IsotropyPattern
    let xi: [S]
    let sizes: [S]
    let index: [FixedPointCoordinate: Int]
    var blockNorm: [S] = []
    var extraNorm: [S] = []
    var sameBlockInner: [S] = []

    /// `sizes`: the block sizes n_a (in S).
    init(pattern: IsotropyPattern, sizes: [S], xi: [S]) {
        self.pattern = pattern
        self.xi = xi
        self.sizes = sizes
        index = Dictionary(uniqueKeysWithValues: pattern.coordinates.enumerated().map { ($1, $0) })
        let r = pattern.blockCount
        let one = xi[0].constant(1), two = xi[0].constant(2)
        blockNorm = (0..<r).map { a in
            var s = self.coordinate(.diagonal(block: a)).squared
            if pattern.hasOffDiagonal(a) { s = s + (sizes[a] - one) * self.coordinate(.offDiagonal(block: a)).squared }
            for b in 0..<r where b != a { s = s + sizes[b] * self.coordinate(.cross(rowBlock: a, columnBlock: b)).squared }
            return s
        }
        extraNorm = (0..<pattern.extraRows).map { e in
            (0..<r).reduce(xi[0].constant(0)) { $0 + sizes[$1] * self.coordinate(.extra(row: e, columnBlock: $1)).squared }
        }
        sameBlockInner = (0..<r).map { a in
            guard pattern.hasOffDiagonal(a) else { return xi[0].constant(0) }
            let o = self.coordinate(.offDiagonal(block: a))
            var s = two * self.coordinate(.diagonal(block: a)) * o + (sizes[a] - two) * o.squared
            for b in 0..<r where b != a { s = s + sizes[b] * self.coordinate(.cross(rowBlock: a, columnBlock: b)).squared }
            return s
        }
    }

    /// The coordinate's value (zero for O_a of a block of size 1, which has no such entry).
    func coordinate(_ c: FixedPointCoordinate) -> S {
        if let i = index[c] { return xi[i] }
        return xi[0].constant(0)
    }

    /// Σ over the columns of block a of a block-a row: D_a + (n_a - 1) O_a times a constant.
    func blockRowSum(_ a: Int) -> S {
        let d = coordinate(.diagonal(block: a))
        return pattern.hasOffDiagonal(a) ? d + (sizes[a] - xi[0].constant(1)) * coordinate(.offDiagonal(block: a)) : d
    }

    func blockInner(_ a: Int, _ b: Int) -> S {
        var s = coordinate(.cross(rowBlock: b, columnBlock: a)) * blockRowSum(a)
            + coordinate(.cross(rowBlock: a, columnBlock: b)) * blockRowSum(b)
        for c in 0..<pattern.blockCount where c != a && c != b {
            s = s + sizes[c] * coordinate(.cross(rowBlock: a, columnBlock: c)) * coordinate(.cross(rowBlock: b, columnBlock: c))
        }
        return s
    }

    func blockExtraInner(_ a: Int, _ e: Int) -> S {
        var s = coordinate(.extra(row: e, columnBlock: a)) * blockRowSum(a)
        for c in 0..<pattern.blockCount where c != a {
            s = s + sizes[c] * coordinate(.cross(rowBlock: a, columnBlock: c)) * coordinate(.extra(row: e, columnBlock: c))
        }
        return s
    }

    func extraInner(_ e: Int, _ e2: Int) -> S {
        (0..<pattern.blockCount).reduce(xi[0].constant(0)) {
            $0 + sizes[$1] * coordinate(.extra(row: e, columnBlock: $1)) * coordinate(.extra(row: e2, columnBlock: $1))
        }
    }
}

extension ScalarField {
    var squared: Self { self * self }
}

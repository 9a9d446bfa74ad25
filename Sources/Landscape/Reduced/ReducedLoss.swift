import Numbers

/// The loss restricted to the fixed-point space of an `IsotropyPattern`, as an explicit
/// function of the coordinates ξ and of d, for REAL d (or d a series): every entry count and
/// every inner product between rows is a polynomial in d (MATH.md section 2).
///
/// One implementation, generic over the scalar: Double, BigFloat, Dual<BigFloat> (Jacobians)
/// and PuiseuxSeries (d -> infinity) all run this code.
public struct ReducedLoss<T: ElementaryScalar>: Sendable {
    public let pattern: IsotropyPattern
    public let d: T

    public init(pattern: IsotropyPattern, d: T) {
        self.pattern = pattern
        self.d = d
    }

    /// L(ξ; d) and its gradient ∂L/∂ξ (not divided by the entry counts).
    public func lossAndGradient(_ xi: [T]) throws -> (loss: T, gradient: [T]) {
        precondition(xi.count == pattern.dimension, "expected \(pattern.dimension) coordinates")
        let n = xi.count
        // Coordinates as duals seeded by ξ: the Gram entries below are polynomials in ξ, so
        // their gradients come out exactly; the kernel's own partials are closed forms.
        let vars = (0..<n).map { Dual.variable(xi[$0], index: $0, count: n) }
        let geometry = RowGeometry(pattern: pattern, d: d, xi: vars)
        var loss = d.constant(0)
        var gradient = [T](repeating: d.constant(0), count: n)

        func addPolynomial(_ count: T, _ p: Dual<T>) {
            loss = loss + count * p.value
            for i in 0..<n { gradient[i] = gradient[i] + count * p.partial(i) }
        }
        func addKernel(_ count: T, _ a: Dual<T>, _ b: Dual<T>?, _ c: Dual<T>) throws {
            let k = try ReluKernel(a: a.value, b: b?.value ?? d.constant(1), c: c.value)
            loss = loss + count * k.value
            for i in 0..<n {
                var g = k.da * a.partial(i) + k.dc * c.partial(i)
                if let b { g = g + k.db * b.partial(i) }
                gradient[i] = gradient[i] + count * g
            }
        }

        let half = d.constant(Rational(1, 2)), one = d.constant(1)
        let sizes = pattern.blockSizes(d: d)
        // 1/2 Σ_{i,j} f(w_i, w_j): identical rows give |w|^2/2 ...
        for a in 0..<pattern.blockCount { addPolynomial(half * half * sizes[a], geometry.blockNorm[a]) }
        for e in 0..<pattern.extraRows { addPolynomial(half * half, geometry.extraNorm[e]) }
        // ... distinct rows in one block, in two blocks, a block row and an extra row, two extra rows.
        for a in 0..<pattern.blockCount where pattern.hasOffDiagonal(a) {
            try addKernel(half * sizes[a] * (sizes[a] - one), geometry.blockNorm[a], geometry.blockNorm[a], geometry.sameBlockInner[a])
        }
        for a in 0..<pattern.blockCount {
            for b in 0..<pattern.blockCount where b != a {
                try addKernel(half * sizes[a] * sizes[b], geometry.blockNorm[a], geometry.blockNorm[b], geometry.blockInner(a, b))
            }
            for e in 0..<pattern.extraRows {
                try addKernel(sizes[a], geometry.blockNorm[a], geometry.extraNorm[e], geometry.blockExtraInner(a, e))
            }
        }
        for e in 0..<pattern.extraRows {
            for e2 in 0..<pattern.extraRows where e2 != e {
                if pattern.blockCount == 1 {
                    // With one block every extra row is a multiple of (1, ..., 1): the pair is
                    // always parallel (G = 0), where f = |w||v|/2 or 0, i.e. (c + |c|)/4.
                    let c = geometry.extraInner(e, e2)
                    addPolynomial(half, try (c + Dual<T>.sqrt(c * c)) / c.constant(4))
                } else {
                    try addKernel(half, geometry.extraNorm[e], geometry.extraNorm[e2], geometry.extraInner(e, e2))
                }
            }
        }
        // - Σ_{i, j} f(w_i, e_j): the target rows are the unit vectors.
        for a in 0..<pattern.blockCount {
            try addKernel(-sizes[a], geometry.blockNorm[a], nil, geometry.coordinate(.diagonal(block: a)))
            if pattern.hasOffDiagonal(a) {
                try addKernel(-(sizes[a] * (sizes[a] - one)), geometry.blockNorm[a], nil, geometry.coordinate(.offDiagonal(block: a)))
            }
            for b in 0..<pattern.blockCount where b != a {
                try addKernel(-(sizes[a] * sizes[b]), geometry.blockNorm[a], nil, geometry.coordinate(.cross(rowBlock: a, columnBlock: b)))
            }
        }
        for e in 0..<pattern.extraRows {
            for b in 0..<pattern.blockCount {
                try addKernel(-sizes[b], geometry.extraNorm[e], nil, geometry.coordinate(.extra(row: e, columnBlock: b)))
            }
        }
        // + 1/2 Σ f(e_i, e_j) = d/4 + d(d-1)/(4 pi).
        let pi = try d.pi()
        loss = loss + half * half * d + (try (d * (d - one)) / (pi + pi + pi + pi))
        return (loss, gradient)
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
struct RowGeometry<S: ElementaryScalar> {
    let pattern: IsotropyPattern
    let xi: [S]
    let sizes: [S]
    let index: [FixedPointCoordinate: Int]
    var blockNorm: [S] = []
    var extraNorm: [S] = []
    var sameBlockInner: [S] = []

    init<T>(pattern: IsotropyPattern, d: T, xi: [S]) where S == Dual<T> {
        self.pattern = pattern
        self.xi = xi
        sizes = pattern.blockSizes(d: Dual(d))
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

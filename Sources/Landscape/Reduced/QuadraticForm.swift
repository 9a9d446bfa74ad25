import Numbers

/// A polynomial of degree at most two in the coordinates ξ_0 ... ξ_(n-1), with coefficients in
/// T (they carry d through the block sizes). The norms and inner products of the rows of a
/// fixed matrix are such polynomials (`RowGeometry`), so their gradients are linear in ξ and
/// their Hessians constant: `ReducedLoss` builds them symbolically and composes them with the
/// kernel's closed-form partials instead of differentiating through the kernel with nested
/// dual numbers (Docs/derivatives.md).
///
/// Monomials are kept sorted (not hashed), so every sum runs in the same order in every run and
/// results are reproducible to the last bit. Products of degree above two are a programming
/// error (the geometry never forms them); division is only by a constant.
struct QuadraticForm<T: ScalarField>: ScalarField {
    /// The coefficient of 1.
    var constantTerm: T
    /// (i, coefficient of ξ_i), ascending in i.
    var linear: [(Int, T)]
    /// (i * n + j with i <= j, coefficient of ξ_i ξ_j), ascending; n = `width`.
    var quadratic: [(Int, T)]
    /// The number of coordinates (for the monomial keys).
    let width: Int

    init(constant: T, width: Int) { constantTerm = constant; linear = []; quadratic = []; self.width = width }

    /// The coordinate ξ_i of `width` (`unit`: 1 in T's context).
    static func coordinate(_ i: Int, width: Int, unit: T) -> QuadraticForm {
        var f = QuadraticForm(constant: unit.constant(0), width: width)
        f.linear = [(i, unit)]
        return f
    }

    var degree: Int { !quadratic.isEmpty ? 2 : (!linear.isEmpty ? 1 : 0) }

    func constant(_ value: Rational) -> QuadraticForm { QuadraticForm(constant: constantTerm.constant(value), width: width) }

    /// x (strictly ascending keys) plus y (ascending; keys may repeat): equal keys are summed
    /// left to right, x's coefficient first.
    private static func merged(_ x: [(Int, T)], _ y: [(Int, T)]) -> [(Int, T)] {
        var r: [(Int, T)] = []
        r.reserveCapacity(x.count + y.count)
        var i = 0
        for (key, c) in y {
            while i < x.count && x[i].0 < key { r.append(x[i]); i += 1 }
            if let last = r.last, last.0 == key { r[r.count - 1].1 = last.1 + c }
            else if i < x.count && x[i].0 == key { r.append((key, x[i].1 + c)); i += 1 }
            else { r.append((key, c)) }
        }
        r.append(contentsOf: x[i...])
        return r
    }

    static func + (lhs: QuadraticForm, rhs: QuadraticForm) -> QuadraticForm {
        var r = lhs
        r.constantTerm = lhs.constantTerm + rhs.constantTerm
        r.linear = merged(lhs.linear, rhs.linear)
        r.quadratic = merged(lhs.quadratic, rhs.quadratic)
        return r
    }

    static prefix func - (operand: QuadraticForm) -> QuadraticForm {
        var r = operand
        r.constantTerm = -operand.constantTerm
        r.linear = operand.linear.map { ($0.0, -$0.1) }
        r.quadratic = operand.quadratic.map { ($0.0, -$0.1) }
        return r
    }

    static func - (lhs: QuadraticForm, rhs: QuadraticForm) -> QuadraticForm { lhs + (-rhs) }

    func scaled(by k: T) -> QuadraticForm {
        var r = self
        r.constantTerm = k * constantTerm
        r.linear = linear.map { ($0.0, k * $0.1) }
        r.quadratic = quadratic.map { ($0.0, k * $0.1) }
        return r
    }

    static func * (lhs: QuadraticForm, rhs: QuadraticForm) -> QuadraticForm {
        if lhs.degree == 0 { return rhs.scaled(by: lhs.constantTerm) }
        if rhs.degree == 0 { return lhs.scaled(by: rhs.constantTerm) }
        precondition(lhs.degree == 1 && rhs.degree == 1, "QuadraticForm: a product of degree above two")
        // (c + L)(c' + L') = cc' + c'L + cL' + LL'.
        var r = lhs.scaled(by: rhs.constantTerm)
        r.linear = merged(r.linear, rhs.linear.map { ($0.0, lhs.constantTerm * $0.1) })
        var products: [(Int, T)] = []
        for (i, x) in lhs.linear {
            for (j, y) in rhs.linear { products.append((min(i, j) * lhs.width + max(i, j), x * y)) }
        }
        products.sort { $0.0 < $1.0 }
        r.quadratic = merged(r.quadratic, products)
        return r
    }

    static func / (lhs: QuadraticForm, rhs: QuadraticForm) throws -> QuadraticForm {
        guard rhs.degree == 0 else { throw ComputationError.domain("QuadraticForm: division by a non-constant form") }
        return lhs.scaled(by: try rhs.constantTerm.constant(1) / rhs.constantTerm)
    }

    /// The form's value, gradient and Hessian at ξ.
    func jet(at xi: [T]) -> QuadraticJet<T> {
        var value = constantTerm
        var gradient = linear
        for (i, x) in linear { value = value + x * xi[i] }
        var parts: [(Int, T)] = []
        var hessian: [(i: Int, j: Int, value: T)] = []
        for (key, c) in quadratic {
            let (i, j) = (key / width, key % width)
            let ci = c * xi[i]
            if i == j {
                value = value + ci * xi[i]
                parts.append((i, ci + ci))
                hessian.append((i, i, c + c))
            } else {
                value = value + ci * xi[j]
                parts.append((i, c * xi[j]))
                parts.append((j, ci))
                hessian.append((i, j, c))
            }
        }
        parts.sort { $0.0 < $1.0 }
        gradient = Self.merged(gradient, parts)
        return QuadraticJet(value: value, gradient: gradient, hessian: hessian)
    }
}

/// A quadratic form's value, sparse gradient (ascending coordinates) and constant sparse
/// Hessian at a point.
struct QuadraticJet<T: ScalarField> {
    let value: T
    let gradient: [(Int, T)]
    /// (i, j, ∂²/∂ξ_i∂ξ_j), i <= j, each pair once.
    let hessian: [(i: Int, j: Int, value: T)]
}

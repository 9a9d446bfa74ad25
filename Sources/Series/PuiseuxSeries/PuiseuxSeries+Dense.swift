import Numbers

/// Helpers on dense coefficient arrays: the recurrences of the elementary functions all work
/// on "coefficients of t^0 ... t^(n-1)" with one convolution per output coefficient.
extension PuiseuxSeries {
    /// Coefficients of t^0 ... t^(n-1) (precondition: valuation >= 0 or no terms).
    func dense(count n: Int) -> [C] {
        let zero = zeroCoefficient
        return (0..<n).map { k in let c = coefficient(ofTExponent: k); return c.isZero ? zero : c }
    }

    /// The number of t-steps, from t^0, that an operation whose result has valuation 0 knows:
    /// the input's order, or the context's budget for exact inputs.
    var absoluteTermsFromZero: Int { order ?? max(context.relativeTerms, valuation + context.relativeTerms) }

    /// Requires no positive powers of d (a nonnegative valuation), as exp, sin, cos, asin,
    /// acos do; otherwise the result is not a Puiseux series.
    func requireNoPositivePowers(_ operation: String) throws {
        if !coefficients.isEmpty && valuation < 0 {
            throw ComputationError.domain(
                "\(operation) of a series with leading term d^(\(dExponent(ofTExponent: valuation))) is not a Puiseux series")
        }
        if coefficients.isEmpty, let order, order <= 0 {
            throw ComputationError.undecidable("\(operation) of O(d^(\(dExponent(ofTExponent: order)))): the constant term is unknown")
        }
    }

    /// c_k = (1/k) Σ_{j=1}^{k} (j a_j) g_{k-j}, the recurrence shape of exp, sin and cos.
    static func integratedConvolution(_ ja: [C], _ g: [C], k: Int, precision: Int, negate: Bool = false) -> C {
        ja.withUnsafeBufferPointer { pa in
            g.withUnsafeBufferPointer { pg in
                C.convolution(pa, xStart: 1, pg, yEnd: k - 1, count: min(k, pa.count - 1),
                              initial: nil, subtract: negate, precision: precision)
            }
        }.divided(by: k)
    }

    /// [j * a_j] for j = 0 ..< a.count.
    static func weighted(_ a: [C]) -> [C] { a.enumerated().map { $0.element.multiplied(by: $0.offset) } }

    /// Dense series from t^0 with the given coefficients, O(t^n) (or exact if `exact`).
    func fromDense(_ w: [C], exact: Bool = false) -> PuiseuxSeries {
        PuiseuxSeries(ramification: ramification, valuation: 0, coefficients: w,
                      order: exact ? nil : w.count, context: context)
    }

    /// Derivative with respect to t of a dense array from t^0.
    static func tDerivative(_ a: [C]) -> [C] { Array(weighted(a).dropFirst()) }

    /// Antiderivative in t with constant term `c0`.
    static func tIntegral(_ a: [C], constant c0: C) -> [C] {
        [c0] + a.enumerated().map { $0.element.divided(by: $0.offset + 1) }
    }
}

import Numbers

extension PuiseuxSeries {
    /// How many t-steps of an operation's result are known: the inputs' relative precision,
    /// or the context's budget when the exact result is infinite.
    func resultRelativePrecision(_ inputs: Int?...) -> Int {
        inputs.compactMap { $0 }.min() ?? context.relativeTerms
    }

    /// The leading coefficient, or a domain error for a series with no known term.
    /// `operation` names what is done to this series, e.g. "log of" or "division by".
    func leadingCoefficient(_ operation: String) throws -> C {
        guard let c = coefficients.first else {
            if isExactZero { throw ComputationError.domain("\(operation) the zero series") }
            throw ComputationError.undecidable(
                "\(operation) \(self): no known nonzero term (leading coefficient cancelled); use more terms or precision")
        }
        return c
    }

    /// self / divisor. Factors out the divisor's leading monomial c t^v; the quotient has
    /// valuation val(self) - v and the relative precision of the less precise input.
    public static func / (lhs: PuiseuxSeries, rhs: PuiseuxSeries) throws -> PuiseuxSeries {
        let b0 = try rhs.leadingCoefficient("division by")
        let r = lcm(lhs.ramification, rhs.ramification)
        let x = lhs.aligned(to: r), y = rhs.aligned(to: r)
        let context = lhs.context.merged(with: rhs.context)
        let v = x.valuation - y.valuation
        if lhs.isExactZero {
            return PuiseuxSeries(valuation: 0, coefficients: [], order: nil, context: context)
        }
        // Exact quotient by an exact monomial.
        if y.order == nil && y.coefficients.count == 1 && x.order == nil {
            let q = try x.coefficients.map { try $0 / b0 }
            return PuiseuxSeries(ramification: r, valuation: v, coefficients: q, order: nil, context: context)
        }
        let relX = x.order.map { $0 - x.valuation }, relY = y.order.map { $0 - y.valuation }
        let n = [relX, relY].compactMap { $0 }.min() ?? context.relativeTerms
        let xs = x.coefficients, ys = y.coefficients
        if let fast = C.quotientByKernel(xs, ys, count: n, precision: context.precision) {
            return PuiseuxSeries(ramification: r, valuation: v, coefficients: fast, order: v + n, context: context)
        }
        var q = [C]()
        q.reserveCapacity(n)
        let zero = C.constant(.zero, precision: context.precision)
        for k in 0..<n {
            let top = k < xs.count ? xs[k] : zero
            let m = min(k, ys.count - 1)  // terms ys[1...m] * q[k-1 ... k-m]
            let s: C = m == 0 ? top : ys.withUnsafeBufferPointer { py in
                q.withUnsafeBufferPointer { pq in
                    C.convolution(py, xStart: 1, pq, yEnd: k - 1, count: m,
                                  initial: top, subtract: true, precision: context.precision)
                }
            }
            q.append(try s / b0)
        }
        return PuiseuxSeries(ramification: r, valuation: v, coefficients: q, order: v + n, context: context)
    }

    /// 1 / self.
    public func reciprocal() throws -> PuiseuxSeries {
        try PuiseuxSeries(constant: C.constant(.one, precision: context.precision), context: context) / self
    }
}

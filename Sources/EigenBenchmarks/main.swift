#if canImport(Glibc)
import Glibc
#endif
import Numbers
import LinearAlgebra

// Symmetric eigenvalues: Householder + implicit QL (the default) against cyclic Jacobi,
// side by side in one run, on random symmetric matrices with entries uniform in [-1, 1]
// (fixed seed). One JSON line per case; Jacobi is skipped when its time extrapolated
// (n^3) from the previous size exceeds --jacobi-limit seconds (default 60).
// Usage: puiseux-eigen-bench [--double 200,500,1000,2000] [--bigfloat 50,100,200] [--bits 256]

let arguments = CommandLine.arguments
func option(_ name: String) -> String? { arguments.firstIndex(of: name).map { arguments[$0 + 1] } }
func sizes(_ name: String, _ fallback: [Int]) -> [Int] {
    option(name).map { $0.split(separator: ",").compactMap { Int($0) } } ?? fallback
}
let doubleSizes = sizes("--double", [200, 500, 1000, 2000])
let bigSizes = sizes("--bigfloat", [50, 100, 200])
let bits = option("--bits").flatMap(Int.init) ?? 256
let jacobiLimit = option("--jacobi-limit").flatMap(Double.init) ?? 60

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func timed<R>(_ body: () throws -> R) rethrows -> (R, Double) {
    let start = now()
    let r = try body()
    return (r, now() - start)
}

func randomSymmetric<T: RealScalar>(_ n: Int, seed: UInt64, _ make: (Double) -> T) -> Matrix<T> {
    var rng = SplitMix64(seed: seed)
    var e = [T](repeating: make(0), count: n * n)
    for i in 0..<n { for j in i..<n { let x = make(rng.uniform(-1, 1)); e[i * n + j] = x; e[j * n + i] = x } }
    return Matrix(rows: n, columns: n, entries: e)
}

func run<T: RealScalar>(type: String, sizes: [Int], bits: Int, _ make: (Double) -> T) throws {
    var lastJacobi: (n: Int, seconds: Double)? = nil
    for n in sizes {
        let a = randomSymmetric(n, seed: UInt64(n), make)
        let (ql, qlSeconds) = try timed { try a.symmetricEigenvaluesQL() }
        var jacobiField = "null", difference = "null"
        let predicted = lastJacobi.map { $0.seconds * pow(Double(n) / Double($0.n), 3) } ?? 0
        if predicted < jacobiLimit {
            let (jacobi, jacobiSeconds) = try timed { try a.symmetricEigenvaluesJacobi() }
            lastJacobi = (n, jacobiSeconds)
            jacobiField = "\(jacobiSeconds)"
            difference = "\(zip(ql, jacobi).map { abs(($0 - $1).doubleValue) }.max() ?? 0)"
        }
        print("{\"type\": \"\(type)\", \"bits\": \(bits), \"n\": \(n), \"ql_seconds\": \(qlSeconds), "
              + "\"jacobi_seconds\": \(jacobiField), \"max_difference\": \(difference)}")
        fflush(nil)
    }
}

try run(type: "Double", sizes: doubleSizes, bits: 53) { $0 }
try run(type: "BigFloat", sizes: bigSizes, bits: bits) { BigFloat($0, precision: bits) }

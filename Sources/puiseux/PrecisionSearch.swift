import Foundation
import Export

/// `--digits N` without `--precision` (family, spectrum): the working precision is chosen so
/// that every printed value shows its N digits, each one backed (certified, or agreed on by the
/// two computations). The first attempt runs at `firstBits(forDigits:)`; an attempt in which
/// some printed value is known to k < N digits runs again at about (N + 2)/k times the bits
/// (a value's backed digits grow in proportion to the bits: the families' b = 4 coordinates
/// and the spectra's clustered eigenvalues keep a fixed fraction of them), at most
/// `--max-precision`; short there, the command fails naming the value (exit 1). With
/// `--precision`, `--digits all` or no `--digits` the command runs once, as asked: a value known
/// to fewer digits than N then shows the digits it has (`DisplayDigits`).
struct PrecisionSearch {
    /// The default of --max-precision: about 1230 digits, minutes for the largest families.
    static let defaultMaximum = 4096

    let given: Int?
    let display: DisplayDigits
    let maximum: Int

    /// The first attempt for N digits: the bits that carry N decimal digits and 8 guard bits,
    /// rounded up to a multiple of 64, and never below the default precision.
    static func firstBits(forDigits n: Int) -> Int {
        let needed = Int((Double(n) * log2(10.0)).rounded(.up)) + 8
        return max(PrecisionRule.familyDefault, roundedUp(needed))
    }

    /// The next attempt after one at `bits` whose shortest printed value had k of N digits.
    static func nextBits(after bits: Int, known k: Int, wanted n: Int) -> Int {
        roundedUp(max(bits + 64, bits * (n + 2) / max(k, 1)))
    }

    static func roundedUp(_ bits: Int) -> Int { (bits + 63) / 64 * 64 }

    /// The command's result from `attempt` at the chosen precision (see the type's comment);
    /// `printed` lists the known digits of every value the result prints.
    func run<R>(_ attempt: (Int) throws -> R, printed: (R) -> [(what: String, digits: Int)]) throws -> R {
        guard given == nil, case .count(let n) = display else { return try attempt(given ?? PrecisionRule.familyDefault) }
        var bits = min(Self.firstBits(forDigits: n), maximum)
        while true {
            let result = try attempt(bits)
            guard let short = display.shortest(printed(result)) else { return result }
            guard bits < maximum else {
                throw CLIFailure(computation: "--digits \(n): \(short.what) is known to \(short.digits) digits at \(bits) bits, the most --max-precision allows; ask for fewer digits or raise --max-precision")
            }
            let next = min(Self.nextBits(after: bits, known: short.digits, wanted: n), maximum)
            Progress.report("--digits \(n): \(short.what) has \(short.digits) digits at \(bits) bits; again at \(next) bits")
            bits = next
        }
    }
}

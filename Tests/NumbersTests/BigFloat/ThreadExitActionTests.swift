import Testing
import Foundation
import Synchronization
import Numbers

/// Counts the runs of `ThreadExitActionTests.action` (a C function pointer cannot capture).
let threadExitRuns = Atomic<Int>(0)

@Suite("ThreadExitAction: an action run when a registered thread ends")
struct ThreadExitActionTests {
    static let action = ThreadExitAction { _ in threadExitRuns.add(1, ordering: .sequentiallyConsistent) }

    /// Runs `body` on a new thread and waits until that thread has finished its body.
    static func onThread(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread { body() }
        thread.start()
        while !thread.isFinished { usleep(1000) }
    }

    @Test("runs once per registered thread when it ends (twice registered is once), never for a thread that did not register")
    func runsAtThreadExit() {
        let before = threadExitRuns.load(ordering: .sequentiallyConsistent)
        Self.onThread { Self.action.register(); Self.action.register() }
        Self.onThread { }
        Self.onThread { Self.action.register() }
        // The destructor runs as the thread ends, just before isFinished can be seen.
        var after = 0
        for _ in 0..<200 {
            after = threadExitRuns.load(ordering: .sequentiallyConsistent)
            if after - before >= 2 { break }
            usleep(1000)
        }
        #expect(after - before == 2)
    }
}

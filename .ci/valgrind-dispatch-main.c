// Preloaded (LD_PRELOAD) only by .ci/leakcheck.sh, never linked into the project.
//
// Why: Swift's async entry points (the swift-testing runner, `static func main() async`)
// end the main thread with libdispatch's dispatch_main(), which on Linux calls
// pthread_exit() on the main thread and parks it in sigsuspend from a TSD destructor.
// Valgrind 3.19 (Debian 12) dies with an internal SIGSEGV as soon as another thread is
// created after that. This replacement keeps the main thread alive and serves the main
// queue the way CoreFoundation's run loop does: wait on the queue's eventfd, then drain it.
// The program still ends through exit(), as before.
#define _GNU_SOURCE
#include <poll.h>
#include <sys/eventfd.h>

// Exported by swift-corelibs-libdispatch for CoreFoundation's run loop.
extern int _dispatch_get_main_queue_handle_4CF(void);
extern void _dispatch_main_queue_callback_4CF(void *message);

void dispatch_main(void) {
    int fd = _dispatch_get_main_queue_handle_4CF();
    for (;;) {
        struct pollfd wait = { .fd = fd, .events = POLLIN };
        if (poll(&wait, 1, -1) <= 0) continue;
        eventfd_t pending;
        (void)eventfd_read(fd, &pending);  // the eventfd is non-blocking; reset it, then drain
        _dispatch_main_queue_callback_4CF(0);
    }
}

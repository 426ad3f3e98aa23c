// `stdout` is a C global that Swift 6 does not know to be safe; it is only read here, at exit.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The last check of every command's standard output: what `print` buffered is flushed when the process
/// exits, and a flush that fails (a full disk, `> /dev/full`, a closed pipe) ends the process with 74
/// instead of the command's own status. `consent status`, `audit` and `consent grant` had exited 0 with
/// their output lost; `OutputWriter` checks its own writes as they happen.
enum OutputFlush {
    /// Registers the check; called once, first thing in `main`.
    static func install() {
        atexit {
            // A failed write of the stdio buffer sets the error flag; the flush writes what is left.
            if fflush(stdout) != 0 || ferror(stdout) != 0 {
                let message = "diskret: error: writing standard output failed (disk full or output closed); the output is incomplete\n"
                _ = message.withCString { write(2, $0, strlen($0)) }
                _exit(74)
            }
        }
    }
}

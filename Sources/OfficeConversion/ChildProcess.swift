import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program started in a process group of its own (`posix_spawn` with
/// `POSIX_SPAWN_SETPGROUP`), so that everything it starts — `soffice` is a shell script that
/// runs `oosplash`, which runs `soffice.bin` — can be ended with one `kill(-group, SIGKILL)`.
///
/// The process is always reaped by ``wait(until:)`` or ``kill()``: no zombies. The group is
/// signalled while the leader is still an unreaped zombie, so its id cannot have been reused.
struct ChildProcess: ~Copyable {
    let pid: pid_t
    private var reaped = false

    /// How a finished process ended.
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Killed by ``kill()``, after the caller gave up waiting.
        case killed
    }

    /// Starts `executable` with standard input from `/dev/null` and standard output and
    /// error appended to `log`.
    init(_ executable: URL, _ arguments: [String], log: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws(OfficeConversionError) {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own group, an empty signal mask and default handlers, whatever the parent ignores.
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable.path, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw OfficeConversionError(.io, "cannot start \(executable.path): \(String(cString: strerror(status)))")
        }
        pid = child
    }

    /// Waits for the process to end, polling `keepWaiting` about every 50 ms; when it
    /// returns false the whole group is killed. Returns how the process ended.
    mutating func wait(until keepWaiting: () -> Bool) -> Ending {
        while true {
            var info = siginfo_t()
            // WNOWAIT: see the exit without reaping, so the group id is still ours to signal.
            let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
            if result == 0 && info.si_signo != 0 {
                // Helpers the converter left behind share its group: end them too.
                signalGroup(pid, SIGKILL)
                return reap()
            }
            if result != 0 && errno != EINTR { return reap() }
            if !keepWaiting() {
                kill()
                return .killed
            }
            usleep(50_000)
        }
    }

    /// Kills the process group and reaps the leader.
    mutating func kill() {
        guard !reaped else { return }
        signalGroup(pid, SIGKILL)
        _ = reap()
    }

    private mutating func reap() -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    deinit {
        if !reaped {
            signalGroup(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
    }
}

/// `kill(-group, signal)`, outside ``ChildProcess`` whose `kill()` hides the C function.
private func signalGroup(_ group: pid_t, _ signal: Int32) {
    _ = kill(-group, signal)
}

package rongguang.cli;

import rongguang.daemon.DaemonClient;

/**
 * The jar's entry point. {@code build --daemon} is handed to the build daemon from here, before picocli or any of the
 * generator is loaded (loading them was half the client's time); everything else is {@link Main}.
 */
public final class Entry {
    private Entry() {
    }

    public static void main(String[] args) {
        if (DaemonClient.wanted(args, System.getenv("RONGGUANG_DAEMON"))) {
            int status = DaemonClient.build(args, ProgressLine.terminal());
            if (status != DaemonClient.UNAVAILABLE) System.exit(status);
        }
        Main.main(args);
    }
}

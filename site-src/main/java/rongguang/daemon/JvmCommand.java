package rongguang.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import rongguang.hash.Hash128;

/**
 * How this JVM was started (the java program, its options, the jar or class path), so that a daemon can be started
 * the same way, and named for it: a client with another jar, other JVM options or another time zone gets a daemon of
 * its own, as the same build must give the same bytes.
 *
 * @param jar the jar, when started with {@code -jar}: a daemon stops once it is rebuilt
 */
public record JvmCommand(String program, List<String> options, List<String> launch, Path jar) {
    /** The classes a class-path launch may name: the jar's entry, or the command line's own. */
    private static final List<String> MAINS = List.of("rongguang.cli.Entry", "rongguang.cli.Main");

    /**
     * The JVM options a daemon is to run with, when not this client's own (the launcher starts its client with the
     * fewest): separated by unit separators (U+001F), as an option may hold a space (a path).
     */
    public static final String DAEMON_OPTIONS = "rongguang.daemon.options";

    /** This process's command, read from the system; null when it cannot be told. */
    public static JvmCommand current() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        String program = info.command().orElse(null);
        if (program == null) return null;
        String forDaemon = System.getProperty(DAEMON_OPTIONS);
        // the system tells a command line of up to 4 KB; past that (a long class path) the JVM's own account
        String[] arguments = info.arguments().orElse(null);
        return arguments != null ? parse(program, arguments, forDaemon) : fromRuntime(program, forDaemon);
    }

    private static JvmCommand parse(String program, String[] arguments, String forDaemon) {
        List<String> options = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            String a = arguments[i];
            if (a.equals("-jar") && i + 1 < arguments.length) {
                return new JvmCommand(program, daemonOptions(options, forDaemon), List.of("-jar", arguments[i + 1]),
                        Path.of(arguments[i + 1]));
            }
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                i++;
            } else if (MAINS.contains(a)) {
                return new JvmCommand(program, daemonOptions(options, forDaemon),
                        List.of("-cp", System.getProperty("java.class.path"), a), null);
            } else {
                options.add(a);
            }
        }
        return null;
    }

    private static JvmCommand fromRuntime(String program, String forDaemon) {
        String command = System.getProperty("sun.java.command", "");
        String main = command.split(" ", 2)[0];
        List<String> options = daemonOptions(java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments(), forDaemon);
        if (main.endsWith(".jar")) return new JvmCommand(program, options, List.of("-jar", main), Path.of(main));
        if (!MAINS.contains(main)) return null;
        return new JvmCommand(program, options, List.of("-cp", System.getProperty("java.class.path"), main), null);
    }

    private static List<String> daemonOptions(List<String> own, String forDaemon) {
        if (forDaemon == null) return own;
        return Arrays.stream(forDaemon.split("\u001f")).filter(o -> !o.isBlank()).toList();
    }

    /** The command that starts a daemon listening at {@code socket}. */
    public List<String> daemon(Path socket) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(options);
        command.addAll(launch);
        command.addAll(List.of("daemon", "--run-at", socket.toString()));
        return command;
    }

    /**
     * A name for a daemon of this command: the jar's identity, the JVM options, the time zone and the encodings.
     * The project's fast hash is enough: the folder is the user's alone, there is nobody to resist.
     */
    public String id() throws IOException {
        Hash128 hash = new Hash128();
        hash.update(program);
        for (String o : options) hash.update(o);
        for (String l : launch) hash.update(l);
        hash.update(jarStamp());
        hash.update(String.valueOf(System.getenv("TZ")));
        hash.update(String.valueOf(System.getProperty("user.timezone")));
        // what the locale decides at start: how file names are decoded
        hash.update(String.valueOf(System.getProperty("sun.jnu.encoding")));
        hash.update(String.valueOf(System.getProperty("file.encoding")));
        return HexFormat.of().formatHex(hash.digest(), 0, 8);
    }

    /** The jar's size and time, or empty without a jar; a jar gone is told as such. */
    public String jarStamp() throws IOException {
        if (jar == null) return "";
        if (!Files.isRegularFile(jar)) return "gone";
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    }
}

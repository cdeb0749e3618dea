package rongguang.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code rongguang build}, {@code serve}, {@code check} and {@code bench}. */
@Command(name = "rongguang",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "荣光：双拥宣传门户的静态网站生成器。",
        subcommands = {BuildCommand.class, ServeCommand.class, CheckCommand.class, BenchCommand.class,
            TrainCommand.class, DaemonCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status: 0 success, 1 the site has errors, 2 usage or I/O errors. */
    public static int run(String... args) {
        return run(CommandLine.defaultFactory(), null, null, args);
    }

    /** The same, with the commands made by {@code factory} and writing to {@code out} and {@code err} (when given). */
    static int run(CommandLine.IFactory factory, java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main(), factory);
        if (out != null) cli.setOut(out);
        if (err != null) cli.setErr(err);
        // an unexpected failure is one plain line; the stack trace is for --verbose
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (java.util.List.of(args).contains("--verbose")) e.printStackTrace(commandLine.getErr());
            commandLine.getErr().println("rongguang: 内部错误：" + e);
            return 2;
        });
        cli.setParameterExceptionHandler(Main::usageError);
        return cli.execute(args);
    }

    /** A malformed option value is one plain line naming the option; other usage errors also show the usage. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        if (e.getCause() instanceof CommandLine.TypeConversionException bad
                && e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            command.getErr().println("rongguang: " + option.longestName() + " " + bad.getMessage());
        } else {
            command.getErr().println(e.getMessage());
            command.usage(command.getErr());
        }
        return 2;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"rongguang " + (v == null ? "dev" : v)};
        }
    }
}

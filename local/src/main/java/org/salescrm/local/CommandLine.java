package org.salescrm.local;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What {@code ./crm} was asked to do, parsed from its arguments. */
record CommandLine(Command command, Set<UpOption> options, String user) {

    enum Command { UP, DOWN, STATUS, TOKEN, HELP }

    /** The options of {@code up}, by their spelling. */
    enum UpOption {
        DETACH("--detach", "-d"), NO_DEMO("--no-demo"), INFRA("--infra"), RESET("--reset");

        private final List<String> spellings;

        UpOption(String... spellings) {
            this.spellings = List.of(spellings);
        }
    }

    static final String USAGE = """
            usage: ./crm <command>
              up [--detach] [--no-demo] [--infra] [--reset]
                  build what is missing, start everything, load demo data; stays in the foreground until
                  Ctrl-C (--detach: returns once ready). --infra: only PostgreSQL, Kafka and Keycloak, for
                  ./mvnw quarkus:dev of one service. --reset: forget all local data first (a fresh start)
              down                        stop a detached stack
              status                      what runs, on which port, healthy or not
              token <user>                print an access token for a demo user
            demo users (password demo): admin, mgr-east, mgr-west, director, rep-east-1, rep-east-2, rep-west-1""";

    static CommandLine parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (command) {
            case "up" -> new CommandLine(Command.UP, upOptions(rest), null);
            case "down" -> noArguments(Command.DOWN, rest);
            case "status" -> noArguments(Command.STATUS, rest);
            case "token" -> token(rest);
            case "help", "-h", "--help" -> new CommandLine(Command.HELP, Set.of(), null);
            default -> throw new UsageException("unknown command '" + command + "'");
        };
    }

    boolean detach() {
        return options.contains(UpOption.DETACH);
    }

    /** Demo data is loaded unless asked not to, and never into the infrastructure alone (no service to load it). */
    boolean demo() {
        return !options.contains(UpOption.NO_DEMO) && !infra();
    }

    boolean infra() {
        return options.contains(UpOption.INFRA);
    }

    boolean reset() {
        return options.contains(UpOption.RESET);
    }

    private static Set<UpOption> upOptions(List<String> arguments) {
        Set<UpOption> options = EnumSet.noneOf(UpOption.class);
        for (String argument : arguments) {
            options.add(Arrays.stream(UpOption.values()).filter(o -> o.spellings.contains(argument)).findFirst()
                    .orElseThrow(() -> new UsageException("unknown option '" + argument + "' for up")));
        }
        return Set.copyOf(options);
    }

    private static CommandLine noArguments(Command command, List<String> rest) {
        if (!rest.isEmpty()) {
            throw new UsageException(command.name().toLowerCase() + " takes no arguments, got " + rest);
        }
        return new CommandLine(command, Set.of(), null);
    }

    private static CommandLine token(List<String> rest) {
        if (rest.size() != 1) {
            throw new UsageException("token needs exactly one user, e.g. ./crm token rep-east-1");
        }
        String user = rest.get(0);
        if (!DemoUsers.USERNAMES.contains(user)) {
            throw new UsageException("'" + user + "' is not a demo user; one of " + String.join(", ", DemoUsers.USERNAMES));
        }
        return new CommandLine(Command.TOKEN, Set.of(), user);
    }

    /** A mistake in the arguments: the message and the usage are printed, the exit code is 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

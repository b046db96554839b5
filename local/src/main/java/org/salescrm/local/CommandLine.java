package org.salescrm.local;

import java.util.List;

/** What {@code ./crm} was asked to do, parsed from its arguments. */
record CommandLine(Command command, boolean detach, boolean demo, String user) {

    enum Command { UP, DOWN, STATUS, TOKEN, HELP }

    static final String USAGE = """
            usage: ./crm <command>
              up [--detach] [--no-demo]   build what is missing, start everything, load demo data;
                                          stays in the foreground until Ctrl-C (or returns once ready with --detach)
              down                        stop a detached stack
              status                      what runs, on which port, healthy or not
              token <user>                print an access token for a demo user
            demo users (password demo): admin, mgr-east, mgr-west, rep-east-1, rep-east-2, rep-west-1""";

    static CommandLine parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (command) {
            case "up" -> up(rest);
            case "down" -> noArguments(Command.DOWN, rest);
            case "status" -> noArguments(Command.STATUS, rest);
            case "token" -> token(rest);
            case "help", "-h", "--help" -> new CommandLine(Command.HELP, false, false, null);
            default -> throw new UsageException("unknown command '" + command + "'");
        };
    }

    private static CommandLine up(List<String> options) {
        boolean detach = false;
        boolean demo = true;
        for (String option : options) {
            switch (option) {
                case "--detach", "-d" -> detach = true;
                case "--no-demo" -> demo = false;
                default -> throw new UsageException("unknown option '" + option + "' for up");
            }
        }
        return new CommandLine(Command.UP, detach, demo, null);
    }

    private static CommandLine noArguments(Command command, List<String> rest) {
        if (!rest.isEmpty()) {
            throw new UsageException(command.name().toLowerCase() + " takes no arguments, got " + rest);
        }
        return new CommandLine(command, false, false, null);
    }

    private static CommandLine token(List<String> rest) {
        if (rest.size() != 1) {
            throw new UsageException("token needs exactly one user, e.g. ./crm token rep-east-1");
        }
        String user = rest.get(0);
        if (!DemoUsers.USERNAMES.contains(user)) {
            throw new UsageException("'" + user + "' is not a demo user; one of " + String.join(", ", DemoUsers.USERNAMES));
        }
        return new CommandLine(Command.TOKEN, false, false, user);
    }

    /** A mistake in the arguments: the message and the usage are printed, the exit code is 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

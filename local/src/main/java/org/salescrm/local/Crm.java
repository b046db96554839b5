package org.salescrm.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.salescrm.embedded.ServiceProcess;

/**
 * The launcher behind {@code ./crm} (which builds what is missing and downloads Keycloak first).
 * Exit codes: 0 done, 1 failed, 2 bad arguments, 3 (status) nothing runs.
 */
public final class Crm {

    private Crm() {
    }

    public static void main(String[] args) {
        Layout layout = Layout.fromSystemProperty();
        CommandLine command;
        try {
            command = CommandLine.parse(Arrays.asList(args));
        } catch (CommandLine.UsageException e) {
            System.err.println("crm: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        int code;
        try {
            code = switch (command.command()) {
                case UP -> up(layout, command);
                case DOWN -> new Down(layout).run(System.getenv());
                case STATUS -> new Status(layout).run(System.getenv());
                case TOKEN -> token(command.user());
                case HELP -> help();
            };
        } catch (StackException e) {
            System.err.println("crm: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    private static int help() {
        System.out.println(CommandLine.USAGE);
        return 0;
    }

    private static int token(String user) {
        System.out.println(Keycloak.accessToken(user, DemoUsers.PASSWORD));
        return 0;
    }

    private static int up(Layout layout, CommandLine command) {
        String marker = layout.work().toString();
        Optional<ProcessHandle> running = ProcessTree.recorded(layout.pidFile(Components.LAUNCHER), marker)
                .filter(handle -> handle.pid() != ProcessHandle.current().pid());
        if (running.isPresent()) {
            throw new StackException("the local stack is already running (launcher pid " + running.get().pid()
                    + "): ./crm status shows it, ./crm down stops it");
        }
        new Down(layout).stopLeftovers(false);
        if (command.reset()) {
            forgetLocalData(layout);
        }
        writeRunFile(layout, Components.LAUNCHER, ProcessHandle.current().pid() + "\n");
        writeState(layout, "STARTING");
        Stack stack = new Stack(layout, System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            writeState(layout, "STOPPED");
            deleteRunFile(layout);
            stopped.countDown();
        }, "crm-stop"));
        try {
            stack.start(command.demo(), command.infra());
        } catch (RuntimeException e) {
            writeState(layout, "FAILED " + e.getMessage().lines().findFirst().orElse(""));
            System.err.println("crm: could not start the local stack:\n" + e.getMessage());
            if (!(e instanceof StackException)) {
                e.printStackTrace();
            }
            stack.close();
            return 1;
        }
        Banner.print(layout, System.getenv(), command, System.out);
        writeState(layout, command.infra() ? Status.READY_INFRA_ONLY : "READY");
        watch(stack, stopped);
        return 0;
    }

    /** Stays up until a signal stops the JVM (the shutdown hook closes the stack), reporting crashed services. */
    private static void watch(Stack stack, CountDownLatch stopped) {
        Set<String> reported = new HashSet<>();
        try {
            while (!stopped.await(5, TimeUnit.SECONDS)) {
                for (ServiceProcess dead : stack.deadServices()) {
                    if (reported.add(dead.name())) {
                        Stack.progress(dead.name() + " has stopped on its own; see " + dead.log());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code up --reset}: the databases, the broker's log and Keycloak's own database (users, sessions) go; the
     * downloaded Keycloak and the built services stay. The next start is the first start of a fresh clone.
     */
    private static void forgetLocalData(Layout layout) {
        Stack.progress("reset: deleting " + layout.root().relativize(layout.data()) + " and Keycloak's data");
        Keycloak.deleteTree(layout.data());
        Keycloak.deleteTree(layout.keycloakHome(Keycloak.version()).resolve("data"));
    }

    private static void writeState(Layout layout, String state) {
        writeRunFile(layout, "state", state + "\n");
    }

    private static void writeRunFile(Layout layout, String name, String content) {
        try {
            Files.createDirectories(layout.run());
            Files.writeString(name.equals("state") ? layout.stateFile() : layout.pidFile(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRunFile(Layout layout) {
        try {
            Files.deleteIfExists(layout.pidFile(Components.LAUNCHER));
        } catch (IOException e) {
            // ./crm down checks a stale pid against the live process.
        }
    }
}

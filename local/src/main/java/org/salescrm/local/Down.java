package org.salescrm.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.salescrm.embedded.ServiceProcess;

/**
 * {@code ./crm down}: asks the launcher to stop the stack (it stops everything in order), then stops whatever a
 * pid file still names (a launcher killed with SIGKILL leaves its children behind) and checks that no port of the
 * stack is still in use.
 */
final class Down {

    private static final Duration LAUNCHER_GRACE = Duration.ofSeconds(120);
    private static final List<String> CHILDREN = childComponents();

    private final Layout layout;
    private final String marker;

    Down(Layout layout) {
        this.layout = layout;
        this.marker = layout.work().toString();
    }

    int run(Map<String, String> env) {
        Optional<ProcessHandle> launcher = ProcessTree.recorded(layout.pidFile(Components.LAUNCHER), marker);
        boolean anything = launcher.isPresent();
        launcher.ifPresent(this::stopLauncher);
        anything |= stopLeftovers(true);
        List<String> busy = new ArrayList<>();
        Components.ports(env).forEach((component, port) -> {
            if (Ports.accepts(port)) {
                busy.add("port " + port + " (" + component + ") is still in use" + Ports.owner(port).map(o -> " by " + o).orElse(""));
            }
        });
        if (!busy.isEmpty()) {
            System.err.println(String.join("\n", busy));
            System.err.println("These were not started by this stack (or survived it); stop them yourself.");
            return 1;
        }
        System.out.println(anything ? "The local stack is stopped; none of its ports is in use."
                : "Nothing of the local stack was running.");
        return 0;
    }

    private void stopLauncher(ProcessHandle launcher) {
        System.out.println("Stopping the local stack (launcher pid " + launcher.pid() + "); see "
                + layout.root().relativize(layout.log(Components.LAUNCHER)));
        launcher.destroy();
        try {
            launcher.onExit().get(LAUNCHER_GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            System.out.println("The launcher did not stop within " + LAUNCHER_GRACE.toSeconds() + " s: forcing it");
            ServiceProcess.stopTree(launcher, Duration.ofSeconds(5));
        }
    }

    /** Stops what pid files still name; {@code verbose} says each one. True when something was running. */
    boolean stopLeftovers(boolean verbose) {
        boolean any = false;
        for (String component : CHILDREN) {
            for (Path pidFile : pidFiles(component)) {
                Optional<ProcessHandle> left = ProcessTree.recorded(pidFile, marker);
                if (left.isPresent()) {
                    any = true;
                    if (verbose) {
                        System.out.println("Stopping " + component + " (pid " + left.get().pid() + "), left running");
                    }
                    ServiceProcess.stopTree(left.get(), Duration.ofSeconds(20));
                }
                deleteQuietly(pidFile);
            }
        }
        deleteQuietly(layout.pidFile(Components.LAUNCHER));
        return any;
    }

    /** The launcher's pid file for a component; for PostgreSQL also the server's own lock file. */
    private List<Path> pidFiles(String component) {
        List<Path> files = new ArrayList<>(List.of(layout.pidFile(component)));
        if (component.equals(Components.POSTGRES)) {
            files.add(layout.postgresData().resolve("postmaster.pid"));
        }
        return files;
    }

    private static List<String> childComponents() {
        List<String> components = new ArrayList<>();
        components.add(Components.WEB);
        Components.SERVICES.forEach(service -> components.add(service.name()));
        components.add(Components.KEYCLOAK);
        components.add(Components.POSTGRES);
        return List.copyOf(components);
    }

    private static void deleteQuietly(Path file) {
        try {
            // PostgreSQL removes its own lock file on a clean stop; only a stale one is left to delete here.
            if (!file.getFileName().toString().equals("postmaster.pid")) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A stale pid file is harmless: it is checked against the live process before use.
        }
    }
}

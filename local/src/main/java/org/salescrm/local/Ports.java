package org.salescrm.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Whether a port is free and, when it is not, which process holds it (read from /proc on Linux). */
final class Ports {

    private Ports() {
    }

    /** Fails with one line per taken port, naming the component that needs it and what holds it. */
    static void requireFree(Map<String, Integer> portsByComponent) {
        List<String> taken = new ArrayList<>();
        portsByComponent.forEach((component, port) -> {
            if (inUse(port)) {
                taken.add("port " + port + " (needed by " + component + ") is already in use"
                        + owner(port).map(owner -> " by " + owner).orElse(""));
            }
        });
        if (!taken.isEmpty()) {
            throw new StackException(String.join("\n", taken)
                    + "\nStop what holds it (if it is an earlier stack: ./crm down) and try again.");
        }
    }

    /** True when something listens on the port (any address) or the port cannot be bound. */
    static boolean inUse(int port) {
        return accepts(port) || !bindable(port);
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** "pid 123 (java -jar ...)" for the process listening on the port, when /proc tells. */
    static Optional<String> owner(int port) {
        return listeningInode(port).flatMap(Ports::processWithSocket).map(pid -> "pid " + pid + commandOf(pid));
    }

    private static Optional<String> listeningInode(int port) {
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                Optional<String> inode = lines.skip(1).map(String::trim).map(line -> line.split("\\s+"))
                        .filter(fields -> fields.length > 9 && "0A".equals(fields[3]))
                        .filter(fields -> portOf(fields[1]) == port)
                        .map(fields -> fields[9])
                        .findFirst();
                if (inode.isPresent()) {
                    return inode;
                }
            } catch (IOException | RuntimeException e) {
                // Not Linux, or /proc unreadable: the port is reported without its owner.
            }
        }
        return Optional.empty();
    }

    private static int portOf(String localAddress) {
        return Integer.parseInt(localAddress.substring(localAddress.indexOf(':') + 1), 16);
    }

    private static Optional<Long> processWithSocket(String inode) {
        String target = "socket:[" + inode + "]";
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> holdsSocket(dir, target))
                    .map(dir -> Long.parseLong(dir.getFileName().toString()))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean holdsSocket(Path processDir, String target) {
        try (Stream<Path> fds = Files.list(processDir.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(target);
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String commandOf(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine())
                .map(command -> " (" + abbreviate(command) + ")").orElse("");
    }

    private static String abbreviate(String command) {
        return command.length() <= 120 ? command : command.substring(0, 117) + "...";
    }
}

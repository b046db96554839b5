package org.salescrm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The checked-out repository the deployment files and the services' configuration are read from. */
final class Repository {

    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern SERVICE_MODULE = Pattern.compile("<module>([a-z-]+-service)</module>");

    private static Path root;

    private Repository() {
    }

    /** The repository root: Maven runs the tests in deploy/, an IDE may run them from the root. */
    static synchronized Path root() {
        if (root == null) {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null && !(Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("events")))) {
                dir = dir.getParent();
            }
            if (dir == null) {
                throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
            }
            root = dir;
        }
        return root;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** The services are the root pom's *-service modules: a new one must be deployed too. */
    static List<String> serviceModules() {
        Matcher m = SERVICE_MODULE.matcher(read("pom.xml"));
        return m.results().map(r -> r.group(1)).toList();
    }

    /** The values a property has in the root pom and the modules' poms (none when no pom sets it). */
    static List<String> pomProperties(String name) {
        Pattern property = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">");
        try (Stream<Path> poms = Stream.concat(Stream.of(path("pom.xml")), Files.list(root()).map(d -> d.resolve("pom.xml")))) {
            return poms.filter(Files::isRegularFile).distinct()
                    .flatMap(pom -> property.matcher(read(pom)).results().map(r -> r.group(1).trim())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A property of the root pom, such as kafka.version. */
    static String rootPomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(read("pom.xml"));
        if (!m.find()) {
            throw new IllegalStateException("no property " + name + " in the root pom");
        }
        return m.group(1).trim();
    }
}

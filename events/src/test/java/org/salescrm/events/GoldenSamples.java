package org.salescrm.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** The golden CloudEvents samples under {@code src/test/resources/golden}, one per event type. */
final class GoldenSamples {

    private static final String DIR = "/golden/";

    private GoldenSamples() {
    }

    static String text(String typeName) {
        try (InputStream in = GoldenSamples.class.getResourceAsStream(DIR + typeName + ".json")) {
            if (in == null) {
                throw new AssertionError("no golden sample " + DIR + typeName + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The type names the golden files stand for, from their file names. */
    static Set<String> typeNames() {
        URL dir = GoldenSamples.class.getResource(DIR);
        if (dir == null) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .map(name -> name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name)
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Named<EventType<?>>> catalog() {
        return EventCatalog.ALL.stream().map(type -> Named.of(type.name(), type));
    }
}

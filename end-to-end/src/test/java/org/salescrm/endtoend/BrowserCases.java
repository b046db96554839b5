package org.salescrm.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one case of src/test/browser/web-app.mjs (playwright-core driving Debian's Chromium) with the
 * machine's Node, and fails with the case's output unless it holds.
 */
final class BrowserCases {

    private BrowserCases() {
    }

    static void run(String name, Map<String, Object> settings) {
        try {
            Path output = Files.createTempFile("browser-" + name, ".log");
            ProcessBuilder node = new ProcessBuilder("node", "web-app.mjs", name)
                    .directory(Path.of("src", "test", "browser").toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            node.environment().put("CRM_E2E", new ObjectMapper().writeValueAsString(settings));
            Process process = node.start();
            boolean finished = process.waitFor(3, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            System.out.print(log);
            assertThat(finished).as("the browser case %s finished in time:%n%s", name, log).isTrue();
            assertThat(process.exitValue()).as("the browser case %s:%n%s", name, log).isZero();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (Node 20 or newer must be on PATH)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

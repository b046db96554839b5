package org.salescrm.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.salescrm.embedded.ServiceProcess;

/**
 * Keycloak from the {@code keycloak-quarkus-dist} zip (downloaded by {@code ./crm} through the Maven wrapper),
 * unpacked once under {@code .crm/keycloak}, importing {@code deploy/keycloak/crm-realm.json} on every start.
 */
final class Keycloak {

    static final String REALM = "crm";
    /** The realm's public client with the direct access grant, for {@code ./crm token} and scripts. */
    static final String CLI_CLIENT = "crm-cli";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Layout layout;
    private final String version;
    private ServiceProcess process;
    private byte[] importing = new byte[0];

    Keycloak(Layout layout) {
        this.layout = layout;
        this.version = version();
    }

    static String version() {
        try (InputStream in = Keycloak.class.getResourceAsStream("/crm-local.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("keycloak.version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("crm-local.properties is missing from the launcher", e);
        }
    }

    static String baseUrl() {
        return "http://localhost:" + Components.KEYCLOAK_PORT;
    }

    static String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    static String readyUrl() {
        return realmUrl() + "/.well-known/openid-configuration";
    }

    Path home() {
        return layout.keycloakHome(version);
    }

    /** Unpacks the distribution on first use and puts the realm file in place, with a fresh dev database. */
    void prepare() {
        Path kcSh = home().resolve("bin").resolve("kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            unpack(layout.downloads().resolve("keycloak-quarkus-dist-" + version + ".zip"));
        }
        try {
            // Keycloak imports a realm only when it does not have it yet: when the realm file changed, its dev
            // database is thrown away so that the file, as it is now, is what runs. Unchanged, the database is
            // kept, which spares the import (slow on a busy machine).
            Path imported = home().resolve("data").resolve("imported-realm.json");
            byte[] realm = Files.readAllBytes(layout.realmFile());
            if (!Files.isRegularFile(imported) || !Arrays.equals(Files.readAllBytes(imported), realm)) {
                deleteTree(home().resolve("data").resolve("h2"));
            }
            Path imports = Files.createDirectories(home().resolve("data").resolve("import"));
            Files.write(imports.resolve("crm-realm.json"), realm);
            // Recorded once Keycloak is ready: an import that failed half-way is tried again next time.
            Files.deleteIfExists(imported);
            importing = realm;
        } catch (IOException e) {
            throw new StackException("could not prepare Keycloak in " + home() + ": " + e.getMessage(), e);
        }
    }

    private void unpack(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new StackException("the Keycloak distribution is missing: " + zip
                    + "\n(./crm downloads it with the Maven wrapper; run ./crm up again, or check your network/proxy)");
        }
        Path target = home().getParent();
        System.out.println("  unpacking Keycloak " + version + " into " + layout.root().relativize(target));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new StackException("unsafe entry in " + zip + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
            Files.deleteIfExists(zip);
        } catch (IOException e) {
            deleteTree(home());
            throw new StackException("could not unpack " + zip + " (" + e.getMessage()
                    + "); delete it and run ./crm up again to download it anew", e);
        }
    }

    ServiceProcess start() {
        process = ServiceProcess.command(Components.KEYCLOAK,
                        List.of(home().resolve("bin").resolve("kc.sh").toString(), "start-dev",
                                "--http-port=" + Components.KEYCLOAK_PORT, "--import-realm"),
                        readyUrl(), layout.log(Components.KEYCLOAK))
                .environment("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER)
                .environment("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .environment("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m")
                .workingDirectory(home()).pidFile(layout.pidFile(Components.KEYCLOAK)).ownSession()
                .launch();
        return process;
    }

    void awaitReady() {
        Stack.awaitReady(process, READY_TIMEOUT);
        try {
            Files.write(home().resolve("data").resolve("imported-realm.json"), importing);
        } catch (IOException e) {
            // Only an optimisation: without the record, the next start imports the realm again.
        }
    }

    void stop() {
        if (process != null) {
            process.close();
        }
    }

    /** An access token for a demo user, through the realm's CLI client (direct access grant). */
    static String accessToken(String user, String password) {
        String form = Stream.of(Map.entry("grant_type", "password"), Map.entry("client_id", CLI_CLIENT),
                        Map.entry("username", user), Map.entry("password", password), Map.entry("scope", "openid"))
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException("Keycloak does not answer at " + baseUrl() + " (is the stack up? ./crm status)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new StackException("Keycloak refused a token for " + user + " (HTTP " + response.statusCode() + "): "
                    + response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}

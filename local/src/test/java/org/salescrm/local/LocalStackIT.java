package org.salescrm.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The whole local stack as a user runs it: {@code ./crm up --detach --no-demo}, {@code status}, {@code token},
 * a call with the real token, {@code down}, and nothing left listening. Slow (Keycloak): it runs with
 * {@code ./mvnw verify -pl local -Plocal-stack}, not in the default build.
 */
class LocalStackIT {

    private static final Path ROOT = Path.of(System.getProperty("crm.root", "..")).toAbsolutePath().normalize();

    @AfterAll
    static void stopWhateverIsLeft() throws Exception {
        run(Duration.ofMinutes(3), "down");
    }

    @Test
    void upStatusTokenCallDown() throws Exception {
        Result up = run(Duration.ofMinutes(15), "up", "--detach", "--no-demo");
        assertThat(up.code()).as(up.output()).isZero();
        assertThat(up.output()).contains("Sales CRM is running locally", "rep-east-1", "http://localhost:8081");

        Result status = run(Duration.ofMinutes(1), "status");
        assertThat(status.code()).as(status.output()).isZero();
        assertThat(status.output()).contains("customer-service   8081   healthy", "keycloak           8180   healthy");

        // Each service runs from its copy with the class archive packaged beside the jars: the copy kept the jars'
        // times, or the JVM would have ignored the archive without a word.
        for (Components.Service service : Components.SERVICES) {
            String pid = Files.readString(ROOT.resolve(".crm/run/" + service.name() + ".pid")).trim();
            assertThat(Files.readString(Path.of("/proc", pid, "maps"))).as(service.name() + "'s mapped files")
                    .contains(ROOT.resolve(".crm/apps/" + service.name() + "/app-cds.jsa").toString());
        }

        Result token = run(Duration.ofMinutes(1), "token", "rep-east-1");
        assertThat(token.code()).as(token.output()).isZero();
        String bearer = token.output().trim();
        assertThat(bearer.split("\\.")).as("a JWT alone on stdout").hasSize(3);

        HttpResponse<String> customers = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:8081/api/v1/customers"))
                        .header("Authorization", "Bearer " + bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(customers.statusCode()).as(customers.body()).isEqualTo(200);
        assertThat(customers.body()).contains("\"items\"");

        Result down = run(Duration.ofMinutes(3), "down");
        assertThat(down.code()).as(down.output()).isZero();
        for (Map.Entry<String, Integer> port : Components.ports(Map.of()).entrySet()) {
            assertThat(Ports.accepts(port.getValue())).as(port.getKey() + " still listens").isFalse();
        }
        // What the stack runs: the launcher, the services' copies, Keycloak, PostgreSQL on its data directory.
        List<String> ours = List.of("launcher", "apps", "keycloak", "data").stream()
                .map(dir -> ROOT.resolve(".crm").resolve(dir) + "/").toList();
        assertThat(ProcessHandle.allProcesses()
                .map(ProcessTree::commandLine)
                .filter(command -> ours.stream().anyMatch(command::contains)))
                .as("processes of the stack left running").isEmpty();
    }

    record Result(int code, String output) {
    }

    private static Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("crm").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(false);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./crm " + String.join(" ", args) + " took longer than " + timeout);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println(text);
        return new Result(process.exitValue(), text);
    }
}

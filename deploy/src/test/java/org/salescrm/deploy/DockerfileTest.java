package org.salescrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DockerfileTest {

    /** The services and the web app: each is an image of its own. */
    static List<String> services() {
        return java.util.stream.Stream.concat(Repository.serviceModules().stream(), java.util.stream.Stream.of("web")).toList();
    }

    @ParameterizedTest
    @MethodSource("services")
    void copiesTheQuarkusAppLayoutAndRunsItsJar(String service) {
        Path dockerfile = Repository.path(service + "/src/main/docker/Dockerfile.jvm");
        assertThat(dockerfile).as("the Dockerfile compose builds").isRegularFile();
        String text = Repository.read(dockerfile);

        assertThat(text).containsPattern("(?m)^FROM \\S+:\\S+$");
        for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            assertThat(text).as("copies target/quarkus-app/" + part)
                    .containsPattern("(?m)^COPY (--chown=\\S+ )?target/quarkus-app/" + Pattern.quote(part) + " ");
        }
        assertThat(text).contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        assertThat(text).as("runs as a non-root user").containsPattern("(?m)^USER [1-9][0-9]*$");
    }

    @ParameterizedTest
    @MethodSource("services")
    void exposesThePortTheServiceListensOn(String service) {
        String text = Repository.read(service + "/src/main/docker/Dockerfile.jvm");
        int port = ServiceConfiguration.of(service).httpPort();

        assertThat(text).containsPattern("(?m)^EXPOSE " + port + "$");
        assertThat(text).as("listens on every interface inside the container").contains("-Dquarkus.http.host=0.0.0.0");
    }

    @ParameterizedTest
    @MethodSource("services")
    void buildContextHoldsOnlyThePackagedApplication(String service) throws Exception {
        Path ignore = Repository.path(service + "/.dockerignore");
        assertThat(ignore).isRegularFile();
        List<String> rules = Files.readAllLines(ignore).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        assertThat(rules).startsWith("*", "!target/quarkus-app/*");
        assertThat(rules.subList(2, rules.size())).as("only the class archive left out of the application")
                .allMatch(rule -> rule.equals("target/quarkus-app/app-cds.jsa"));
    }
}

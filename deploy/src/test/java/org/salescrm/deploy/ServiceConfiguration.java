package org.salescrm.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads from its environment, as its configuration files say: platform's
 * microprofile-config.properties overridden by the service's application.properties.
 */
record ServiceConfiguration(String name, Map<String, String> properties, Map<String, Optional<String>> environment) {

    /** ${NAME} or ${NAME:default}; a default may itself hold commas, colons and slashes. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");
    /** ${crm.other.key} refers to another property, ${CRM_DB_URL} to the environment. */
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    static ServiceConfiguration of(String module) {
        Map<String, String> merged = new LinkedHashMap<>();
        merged.putAll(load("platform/src/main/resources/META-INF/microprofile-config.properties"));
        merged.putAll(load(module + "/src/main/resources/application.properties"));
        Map<String, Optional<String>> environment = new TreeMap<>();
        merged.values().forEach(value -> REFERENCE.matcher(value).results()
                .filter(r -> ENVIRONMENT_NAME.matcher(r.group(1)).matches())
                .forEach(r -> environment.put(r.group(1), Optional.ofNullable(r.group(2)))));
        return new ServiceConfiguration(module, Map.copyOf(merged), environment);
    }

    private static Map<String, String> load(String relative) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repository.read(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    /**
     * The environment variables the service reads: those its configuration names in ${...}, and
     * the environment form of each key it declares (QUARKUS_HTTP_PORT overrides quarkus.http.port).
     */
    Set<String> readableVariables() {
        Set<String> names = new TreeSet<>(environment.keySet());
        properties.keySet().forEach(key -> names.add(environmentName(key)));
        return names;
    }

    /** Variables whose default only works on a developer's machine: a deployment must set them. */
    Set<String> variablesDefaultingToLocalhost() {
        Set<String> names = new TreeSet<>();
        environment.forEach((name, fallback) -> {
            if (fallback.map(v -> v.contains("localhost")).orElse(true)) {
                names.add(name);
            }
        });
        return names;
    }

    /** The MicroProfile Config rule: every character that is not a letter or digit becomes '_'. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** A property's value with every ${NAME:default} replaced by its default. */
    String resolved(String key) {
        String value = properties.get(key);
        if (value == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(value);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(2) == null ? "" : r.group(2)));
    }

    int httpPort() {
        return Integer.parseInt(resolved("quarkus.http.port"));
    }

    /** The database the service uses by default, the last segment of its reactive URL. */
    String databaseName() {
        return URI.create(resolved("quarkus.datasource.reactive.url")).getPath().substring(1);
    }

    /**
     * Where the health endpoints answer. Quarkus serves them under the non-application root (q) and
     * the health root (health), on the HTTP port unless the management interface is switched on.
     */
    String healthPath(String check) {
        String nonApplication = Optional.ofNullable(resolved("quarkus.http.non-application-root-path")).orElse("q");
        String health = Optional.ofNullable(resolved("quarkus.smallrye-health.root-path")).orElse("health");
        return ("/" + nonApplication + "/" + health + "/" + check).replaceAll("/+", "/");
    }

    int healthPort() {
        return "true".equals(resolved("quarkus.management.enabled"))
                ? Integer.parseInt(Optional.ofNullable(resolved("quarkus.management.port")).orElse("9000"))
                : httpPort();
    }

    /** Every Kafka topic a channel of this service names. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                topics.add(resolved(key));
            }
            if (key.startsWith("mp.messaging.") && key.endsWith(".topics")) {
                topics.addAll(Arrays.asList(resolved(key).split("\\s*,\\s*")));
            }
        });
        return topics;
    }
}

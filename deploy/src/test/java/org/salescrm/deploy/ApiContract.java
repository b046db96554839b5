package org.salescrm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Which service owns which first path segment under /api/v1. */
final class ApiContract {

    /**
     * The resources of the REST contract (API.md), by owning service. Kept here because the contract
     * document lives outside this repository; {@link #declaredInSources()} adds what the code serves.
     */
    static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("customers", "customer-service"),
            Map.entry("customer-transfers", "customer-service"),
            Map.entry("key-persons", "customer-service"),
            Map.entry("opportunities", "customer-service"),
            Map.entry("visits", "visit-service"),
            Map.entry("follow-ups", "visit-service"),
            Map.entry("visit-plans", "visit-service"),
            Map.entry("goals", "target-service"),
            Map.entry("evaluations", "target-service"),
            Map.entry("leaderboards", "target-service"),
            Map.entry("alerts", "analytics-service"),
            Map.entry("webhooks", "analytics-service"),
            Map.entry("reports", "analytics-service"));

    /** Reports are served by more than one service: each report is a resource of its own (reports/receivables). */
    private static final Pattern RESOURCE_PATH = Pattern.compile("@Path\\(\"/api/v1/((?:reports/)?[a-z0-9-]+)");
    /** A resource class on /api/v1 itself names the resource on each method: @Path("/customer-transfers"). */
    private static final Pattern API_ROOT = Pattern.compile("@Path\\(\"/api/v1/?\"\\)");
    private static final Pattern METHOD_PATH = Pattern.compile("@Path\\(\"/?([a-z0-9-]+)");

    private ApiContract() {
    }

    /** Every /api/v1/<resource> a JAX-RS @Path in a service's sources names, with that service. */
    static Map<String, String> declaredInSources() {
        Map<String, String> owners = new TreeMap<>();
        for (String service : Repository.serviceModules()) {
            Path sources = Repository.path(service + "/src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    String source = Repository.read(f);
                    Pattern resource = API_ROOT.matcher(source).find() ? METHOD_PATH : RESOURCE_PATH;
                    resource.matcher(source).results().map(r -> r.group(1)).filter(r -> !"api".equals(r)).forEach(r -> {
                        String previous = owners.put(r, service);
                        if (previous != null && !previous.equals(service)) {
                            throw new AssertionError("/api/v1/" + r + " is served by " + previous + " and " + service);
                        }
                    });
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return owners;
    }
}

package org.salescrm.analytics.delivery.webhook;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a webhook URL may be called: its host must resolve to public addresses only,
 * unless it is one of {@code crm.webhooks.allowed-hosts} (local development and tests). Checked
 * when a subscription is made and again before every delivery, because what a name resolves to can
 * change in between; a delivery then connects to the very address that was checked, so a second
 * lookup cannot point it elsewhere.
 */
@ApplicationScoped
public class WebhookTargets {

    private final Set<String> allowedHosts;

    public WebhookTargets(WebhookConfig config) {
        this.allowedHosts = config.allowedHosts().orElse(List.of()).stream()
                .map(WebhookTargets::normalised).filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Where to connect for {@code url}: the checked address, or none for an allow-listed host (the
     * client resolves it). Fails with {@link Refused} when any address the host resolves to is not
     * public, and with {@link UnresolvedHost} when it resolves to nothing.
     */
    public Uni<Destination> destination(String url) {
        URI uri = URI.create(url.strip());
        String host = normalised(uri.getHost());
        if (allowedHosts.contains(host)) {
            return Uni.createFrom().item(new Destination(uri, null));
        }
        // DNS lookups block: they run on a worker thread, never on the event loop.
        return Uni.createFrom().item(() -> resolve(host))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(addresses -> {
                    List<InetAddress> refused = Arrays.stream(addresses).filter(a -> !PublicAddresses.isPublic(a)).toList();
                    if (!refused.isEmpty()) {
                        throw new Refused(host, refused.get(0));
                    }
                    return new Destination(uri, addresses[0]);
                });
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new UnresolvedHost(host);
        }
    }

    /** A URI's host as compared with the allow-list: lower case, IPv6 literals without brackets. */
    private static String normalised(String host) {
        if (host == null) {
            return "";
        }
        String plain = host.strip().toLowerCase(Locale.ROOT);
        return plain.startsWith("[") && plain.endsWith("]") ? plain.substring(1, plain.length() - 1) : plain;
    }

    /** The URL to call and, unless its host is allow-listed, the checked address to connect to. */
    public record Destination(URI uri, InetAddress address) {

        int port() {
            if (uri.getPort() != -1) {
                return uri.getPort();
            }
            return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
    }

    /** The host resolves to an address a webhook may not reach. */
    public static final class Refused extends RuntimeException {

        Refused(String host, InetAddress address) {
            super("the host " + host + " resolves to " + address.getHostAddress()
                    + ", which is not a public address", null, false, false);
        }
    }

    /** The host resolves to nothing (now). */
    public static final class UnresolvedHost extends RuntimeException {

        UnresolvedHost(String host) {
            super("the host " + host + " does not resolve", null, false, false);
        }
    }
}

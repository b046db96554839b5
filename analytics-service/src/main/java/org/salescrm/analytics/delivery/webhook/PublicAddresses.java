package org.salescrm.analytics.delivery.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a webhook may reach: only public ones. A subscription is a URL a caller chooses,
 * and the server then POSTs to it from inside the network; without this rule a manager could make
 * the service call its own database, the cloud's metadata endpoint (169.254.169.254) or any
 * internal service, and read the answers in the delivery log.
 */
final class PublicAddresses {

    private PublicAddresses() {
    }

    /**
     * False for loopback, unspecified, link-local (169.254/16, fe80::/10), private (RFC 1918,
     * fc00::/7 unique local), carrier-grade NAT (100.64/10), "this network" (0/8), broadcast and
     * multicast addresses. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
     */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] mapped = ipv4Inside(bytes);
            if (mapped != null) {
                return isPublicIpv4(mapped) && isPublicIpv4Special(mapped);
            }
            // fc00::/7: unique local addresses, IPv6's private ranges
            return (bytes[0] & 0xfe) != 0xfc;
        }
        return isPublicIpv4Special(bytes);
    }

    private static boolean isPublicIpv4(byte[] ip) {
        try {
            return isPublic(InetAddress.getByAddress(ip));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** What InetAddress's own predicates leave out for IPv4. */
    private static boolean isPublicIpv4Special(byte[] ip) {
        int first = ip[0] & 0xff;
        int second = ip[1] & 0xff;
        boolean thisNetwork = first == 0;
        boolean carrierNat = first == 100 && second >= 64 && second <= 127;
        boolean broadcast = first == 255 && (ip[1] & ip[2] & ip[3] & 0xff) == 0xff;
        return !thisNetwork && !carrierNat && !broadcast;
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) IPv6 address, else null. */
    private static byte[] ipv4Inside(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return null;
            }
        }
        boolean mapped = (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = v6[10] == 0 && v6[11] == 0;
        return mapped || compatible ? new byte[] {v6[12], v6[13], v6[14], v6[15]} : null;
    }
}

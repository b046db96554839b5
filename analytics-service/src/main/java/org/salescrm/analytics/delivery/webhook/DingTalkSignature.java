package org.salescrm.analytics.delivery.webhook;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's signing of a custom group robot (加签): the robot's webhook URL gets {@code timestamp} (milliseconds)
 * and {@code sign}, the URL-encoded base64 HMAC-SHA256 of {@code timestamp + "\n" + secret} keyed with the secret
 * (the {@code SEC…} text the robot's security settings show). DingTalk refuses a timestamp more than an hour from
 * its own clock, so every attempt signs anew.
 */
final class DingTalkSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private DingTalkSignature() {
    }

    /** The robot's URL with the attempt's {@code timestamp} and {@code sign} added to its query. */
    static URI signed(URI robotUrl, String secret, long timestampMillis) {
        String query = "timestamp=" + timestampMillis + "&sign=" + sign(secret, timestampMillis);
        String url = robotUrl.toString();
        String separator = robotUrl.getRawQuery() == null ? "?" : url.endsWith("&") ? "" : "&";
        return URI.create(url + separator + query);
    }

    static String sign(String secret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

package org.salescrm.analytics.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a receiver does with a delivery, written from the README's recipe and not from the signing
 * code, so the two are checked against each other: the timestamp within five minutes of the
 * receiver's clock, then the HMAC of "{id}.{timestamp}.{body}" compared in constant time with each
 * signature the header lists.
 */
final class StandardWebhooksReceiver {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooksReceiver() {
    }

    static boolean verify(String secret, WebhookReceiver.Received request, Instant now) {
        long timestamp = Long.parseLong(request.webhookTimestamp());
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(hmac(secret,
                request.webhookId() + "." + timestamp + "." + request.body()))).getBytes(StandardCharsets.US_ASCII);
        for (String signature : request.webhookSignature().split(" ")) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.salescrm.analytics.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How deliveries are signed. The Standard Webhooks scheme ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}) signs the id and the time with the body,
 * so a captured delivery cannot be replayed later or under another id. The older
 * {@code X-Crm-Signature} (the body alone) is still sent for one release, for receivers that have
 * not moved yet.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    /** Deprecated: dropped in the release after the Standard Webhooks headers came. */
    public static final String LEGACY_HEADER = "X-Crm-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    /** A secret written the Standard Webhooks way: the key is the base64 text after this prefix. */
    private static final String STANDARD_SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /**
     * {@code v1,} and the base64 HMAC-SHA256 of {@code "{id}.{timestamp}.{body}"}, keyed with the
     * secret's UTF-8 bytes, or with the bytes a {@code whsec_<base64>} secret stands for (so the
     * Standard Webhooks libraries verify it as it is).
     */
    public static String standard(String secret, String id, long timestampSeconds, String body) {
        String signed = id + "." + timestampSeconds + "." + body;
        return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), signed));
    }

    /** {@code sha256=} and the lowercase hex HMAC-SHA256 of the body, keyed with the secret's UTF-8 bytes. */
    public static String legacy(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    static byte[] key(String secret) {
        if (secret.startsWith(STANDARD_SECRET_PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(STANDARD_SECRET_PREFIX.length()));
            } catch (IllegalArgumentException notBase64) {
                // Not a Standard Webhooks secret after all: the text itself is the key.
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

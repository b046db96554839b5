package org.salescrm.analytics.delivery.webhook;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

public class HttpUrlValidator implements ConstraintValidator<HttpUrl, String> {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        try {
            URI uri = new URI(value.strip());
            // Credentials in the URL would be stored and logged with it; the secret is the way to authenticate.
            return uri.getScheme() != null && SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null
                    && hasUsablePort(uri);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** None (the scheme's own) or 1 to 65535: java.net.URI takes any number, and every delivery to it would fail. */
    private static boolean hasUsablePort(URI uri) {
        return uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65_535;
    }
}

package org.salescrm.platform.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Problem texts in English or Chinese. A service's own {@code problems} bundle is searched
 * first, then the platform's {@code platform-problems}; an unknown key is shown as it is.
 */
public final class ProblemMessages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final List<String> BUNDLES = List.of("problems", "platform-problems");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemMessages() {
    }

    public static String format(Locale locale, String key, Object... args) {
        for (String bundle : BUNDLES) {
            try {
                String pattern = ResourceBundle.getBundle(bundle, locale, ProblemMessages.class.getClassLoader(),
                        NO_FALLBACK).getString(key);
                return new MessageFormat(pattern, locale).format(args);
            } catch (MissingResourceException e) {
                // try the next bundle
            }
        }
        return key;
    }

    /** Chinese when the client prefers any zh locale, English otherwise. */
    public static Locale pick(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if ("zh".equals(locale.getLanguage())) {
                return CHINESE;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ROOT;
            }
        }
        return Locale.ROOT;
    }
}

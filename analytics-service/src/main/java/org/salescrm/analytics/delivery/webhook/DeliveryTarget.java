package org.salescrm.analytics.delivery.webhook;

import java.util.ArrayList;
import java.util.List;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.Problems;

/**
 * Where a subscription's deliveries go, as its format needs it: STANDARD a URL and the secret that signs every
 * delivery; DINGTALK a robot's URL and, if the robot is secured by 加签, its secret; WECOM a robot's URL (its key is
 * in the URL: WeCom robots have no signing) and an optional secret for the Standard Webhooks headers; EMAIL an
 * address and nothing else. What a format does not use is refused rather than ignored, so nobody believes an e-mail
 * is signed.
 */
record DeliveryTarget(WebhookFormat format, String url, String secret, String email) {

    /** The request's target, trimmed; a 422 naming each field that is missing, blank or out of place. */
    static DeliveryTarget of(WebhookRequest request) {
        WebhookFormat format = request.format() == null ? WebhookFormat.STANDARD : request.format();
        List<FieldViolation> invalid = new ArrayList<>();
        boolean email = format == WebhookFormat.EMAIL;
        expect(invalid, "url", request.url(), email ? Need.ABSENT : Need.REQUIRED, format);
        expect(invalid, "secret", request.secret(), switch (format) {
            case STANDARD -> Need.REQUIRED;
            case EMAIL -> Need.ABSENT;
            default -> Need.OPTIONAL;
        }, format);
        expect(invalid, "email", request.email(), email ? Need.REQUIRED : Need.ABSENT, format);
        if (!invalid.isEmpty()) {
            throw Problems.ruleViolated("validation", invalid, "validation",
                    String.join(", ", invalid.stream().map(FieldViolation::field).toList()));
        }
        return new DeliveryTarget(format, stripped(request.url()), request.secret(), stripped(request.email()));
    }

    private enum Need { REQUIRED, OPTIONAL, ABSENT }

    private static void expect(List<FieldViolation> invalid, String field, String value, Need need,
                               WebhookFormat format) {
        if (value == null) {
            if (need == Need.REQUIRED) {
                invalid.add(new FieldViolation(field, "NotBlank", "required when format is " + format));
            }
        } else if (need == Need.ABSENT) {
            invalid.add(new FieldViolation(field, "Null", "must be absent when format is " + format));
        } else if (value.isBlank()) {
            invalid.add(new FieldViolation(field, "NotBlank", "must not be blank"));
        }
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }
}

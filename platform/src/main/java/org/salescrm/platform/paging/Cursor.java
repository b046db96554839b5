package org.salescrm.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;

/**
 * Where the next page starts: the sort value and id of the last item served. Opaque to clients
 * (base64url), and stable while records are added, unlike an offset.
 */
public record Cursor(String sortValue, UUID id) {

    private static final String SEPARATOR = "\u001f";

    public String encode() {
        byte[] raw = (sortValue + SEPARATOR + id).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The sort value as an instant, for lists in time order; a tampered value is the same 400 as a foreign cursor. */
    public Instant sortInstant() {
        try {
            return Instant.parse(sortValue);
        } catch (DateTimeParseException e) {
            throw malformed(encode());
        }
    }

    /** The sort value as a date, for lists in date order. */
    public LocalDate sortDate() {
        try {
            return LocalDate.parse(sortValue);
        } catch (DateTimeParseException e) {
            throw malformed(encode());
        }
    }

    /** The sort value as a sequence number, for lists in the order written. */
    public long sortNumber() {
        try {
            return Long.parseLong(sortValue);
        } catch (NumberFormatException e) {
            throw malformed(encode());
        }
    }

    /** Reads a cursor a client sent back; anything this service did not hand out is a 400 on {@code cursor}. */
    public static Cursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int cut = raw.lastIndexOf(SEPARATOR);
            return new Cursor(raw.substring(0, cut), UUID.fromString(raw.substring(cut + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw malformed(encoded);
        }
    }

    private static ProblemException malformed(String encoded) {
        return new ProblemException(400, "malformed-field",
                List.of(new FieldViolation("cursor", "format", "not a cursor from this list")),
                "malformed-field", "cursor", encoded);
    }
}

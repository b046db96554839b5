package org.salescrm.customer.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Optional;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;

/**
 * Turns an uploaded file's bytes into text without ever guessing wrong silently. UTF-8 first, read
 * strictly; a file that is not UTF-8 is read in the charset the Content-Type names, or else in
 * GB18030, which Excel and WPS use when they save CSV on a Chinese system (it includes GBK and
 * GB2312). Each is read strictly too: a byte sequence a charset does not define refuses the file,
 * so a name is never stored with replacement characters in it.
 */
final class CsvText {

    static final Charset SPREADSHEET_DEFAULT = Charset.forName("GB18030");

    private CsvText() {
    }

    static String decode(byte[] body, String declaredCharset) {
        Optional<String> utf8 = strictly(body, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return withoutReplacementCharacters(utf8.get(), StandardCharsets.UTF_8);
        }
        // ISO-8859-1 reads any bytes at all, and HTTP clients put it on text/* by default, so it tells
        // nothing about the file: such a label counts as none.
        Charset fallback = declared(declaredCharset)
                .filter(c -> !c.equals(StandardCharsets.UTF_8) && !c.equals(StandardCharsets.ISO_8859_1))
                .orElse(SPREADSHEET_DEFAULT);
        return strictly(body, fallback).map(text -> withoutReplacementCharacters(text, fallback))
                .orElseThrow(() -> unreadable("the file is neither UTF-8 nor " + fallback.name()
                        + "; save it as CSV UTF-8"));
    }

    private static Optional<String> strictly(byte[] body, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A U+FFFD already in the file means its text was damaged before it reached us. */
    private static String withoutReplacementCharacters(String text, Charset charset) {
        if (text.indexOf('\uFFFD') >= 0) {
            throw unreadable("the file read as " + charset.name()
                    + " holds replacement characters (U+FFFD): its text was damaged before upload");
        }
        return text;
    }

    private static Optional<Charset> declared(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name.strip().replace("\"", "")));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw unreadable("the charset '" + name.strip() + "' is not one we read; send UTF-8 or GB18030");
        }
    }

    private static ProblemException unreadable(String message) {
        return new ProblemException(400, "import-encoding", List.of(new FieldViolation("body", "encoding", message)),
                "import-encoding", message);
    }
}

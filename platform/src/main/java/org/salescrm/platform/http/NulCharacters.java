package org.salescrm.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemResponses;

/**
 * Text with a NUL character (U+0000) is refused at the door, in a JSON body and in a query
 * parameter alike: PostgreSQL cannot store it in text, so it would otherwise fail deep inside a
 * write or a search as a 500. A body's NUL is a 400 naming the field (rule {@code format}), as any
 * malformed value; a query parameter's the same, naming the parameter.
 */
@Singleton
public class NulCharacters implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("no-nul-characters").addDeserializer(String.class, new NoNul()));
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseInQuery(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getValue().stream().anyMatch(NulCharacters::hasNul)) {
                return ProblemResponses.of(request.getAcceptableLanguages(), 400, "malformed-field",
                        List.of(new FieldViolation(parameter.getKey(), "format", "must not contain U+0000")),
                        Map.of(), "malformed-field", parameter.getKey(), "U+0000");
            }
        }
        return null;
    }

    static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    /** Jackson's own string reading, refusing what PostgreSQL cannot keep. */
    static final class NoNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (hasNul(value)) {
                throw new InvalidFormatException(parser, "must not contain U+0000", "U+0000", String.class);
            }
            return value;
        }
    }
}

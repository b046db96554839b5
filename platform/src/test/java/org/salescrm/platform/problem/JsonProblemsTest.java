package org.salescrm.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class JsonProblemsTest {

    @Test
    void aNumberBeyondAWholeNumbersRangeNamesTheFieldItWasFor() throws IOException {
        InputCoercionException e = intValueOf("{\"visit\": {\"kp\": [1, {\"durationMinutes\": 1E+400}]}}");

        ProblemException problem = JsonProblems.outOfRange(e);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("visit.kp[1].durationMinutes");
            assertThat(violation.rule()).isEqualTo("range");
        });
    }

    /** Reads up to the first floating-point number and asks for it as an int, as binding an Integer field does. */
    private static InputCoercionException intValueOf(String json) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            while (parser.nextToken() != JsonToken.VALUE_NUMBER_FLOAT) {
                // on to the number
            }
            return catchThrowableOfType(InputCoercionException.class, parser::getIntValue);
        }
    }
}

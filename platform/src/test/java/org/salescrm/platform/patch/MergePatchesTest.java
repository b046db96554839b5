package org.salescrm.platform.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.salescrm.platform.problem.FieldViolation;
import org.salescrm.platform.problem.ProblemException;

class MergePatchesTest {

    record Fields(@NotBlank @Size(max = 5) String name, @Size(max = 3) String note, BigDecimal amount) {
    }

    static class Thing {
        String name = "old";
        String note = "n";
        BigDecimal amount = new BigDecimal("100.00");
    }

    private static final Set<String> SERVER_OWNED = Set.of("id", "version");
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private final MergePatches patches = new MergePatches(json, validator);

    @Test
    void absentFieldsStayNullClearsAnOptionalOneAndValuesReplace() {
        Thing thing = new Thing();

        MergePatch<Fields> patch = read("{\"note\": null, \"amount\": 7}");
        var changes = patch.changes()
                .set("name", Fields::name, thing.name, v -> thing.name = v)
                .set("note", Fields::note, thing.note, v -> thing.note = v)
                .set("amount", Fields::amount, thing.amount, v -> thing.amount = v)
                .list();

        assertThat(patch.has("name")).isFalse();
        assertThat(patch.has("note")).isTrue();
        assertThat(thing.name).isEqualTo("old");
        assertThat(thing.note).isNull();
        assertThat(thing.amount).isEqualByComparingTo("7");
        assertThat(changes).containsExactly(new FieldChange("note", "n", null),
                new FieldChange("amount", new BigDecimal("100.00"), new BigDecimal("7")));
    }

    @Test
    void theSameAmountWrittenDifferentlyIsNoChange() {
        Thing thing = new Thing();

        var changes = read("{\"amount\": 100}").changes()
                .set("amount", Fields::amount, thing.amount, v -> thing.amount = v).list();

        assertThat(changes).isEmpty();
    }

    @Test
    void nullOnARequiredFieldBreaksItsRule() {
        ProblemException problem = refused("{\"name\": null, \"note\": \"toolong\"}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations()).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "NotNull"),
                        org.assertj.core.groups.Tuple.tuple("note", "Size"));
    }

    @Test
    void serverOwnedAndUnknownFieldsAreRefusedByName() {
        ProblemException owned = refused("{\"version\": 3}");
        ProblemException unknown = refused("{\"nickname\": \"x\"}");

        assertThat(owned.status()).isEqualTo(400);
        assertThat(owned.slug()).isEqualTo("read-only-field");
        assertThat(owned.violations().get(0).field()).isEqualTo("version");
        assertThat(unknown.slug()).isEqualTo("unknown-field");
        assertThat(unknown.violations().get(0).field()).isEqualTo("nickname");
    }

    @Test
    void aNumberWhereTextIsExpectedAndABodyThatIsNoObjectAreMalformed() {
        assertThat(refused("{\"name\": 1}").slug()).isEqualTo("malformed-field");
        assertThat(refused("{\"amount\": \"lots\"}").violations().get(0).field()).isEqualTo("amount");
        assertThat(refused("[1]").slug()).isEqualTo("malformed-json");
        assertThat(catchThrowableOfType(() -> patches.read(null, Fields.class, SERVER_OWNED), ProblemException.class)
                .slug()).isEqualTo("malformed-json");
    }

    private MergePatch<Fields> read(String body) {
        try {
            JsonNode node = json.readTree(body);
            return patches.read(node, Fields.class, SERVER_OWNED);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProblemException refused(String body) {
        return catchThrowableOfType(() -> read(body), ProblemException.class);
    }
}

package org.salescrm.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class JsonFieldNamesTest {

    record Title(@JsonProperty("zh-CN") @NotBlank String zhCN, @NotBlank String en) {
    }

    record Item(@Valid Title title) {
    }

    record Playbook(List<@Valid Item> items) {
    }

    private final Validator validator = Validation.byProvider(HibernateValidator.class).configure()
            .propertyNodeNameProvider(new JsonFieldNames())
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();

    @Test
    void aViolationNamesTheFieldAsTheClientWroteIt() {
        var violations = validator.validate(new Playbook(List.of(new Item(new Title(" ", "Needs noted")))));

        assertThat(violations).singleElement().satisfies(violation ->
                assertThat(violation.getPropertyPath().toString()).isEqualTo("items[0].title.zh-CN"));
    }

    @Test
    void aFieldWithoutAJsonNameKeepsItsJavaName() {
        var violations = validator.validate(new Playbook(List.of(new Item(new Title("需求已记录", "")))));

        assertThat(violations).singleElement().satisfies(violation ->
                assertThat(violation.getPropertyPath().toString()).isEqualTo("items[0].title.en"));
    }
}

package org.salescrm.customer.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * The fields a {@code PATCH /customers/{id}} may set: those of a create, with its rules. Name and
 * grade can be changed but not cleared (a create without a grade gets C).
 */
public record CustomerPatch(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String industry,
        @Size(max = 2000) String region,
        @Size(max = 2000) String scale,
        @Size(max = 2000) String source,
        @Pattern(regexp = CustomerRequest.PHONE, message = CustomerRequest.PHONE_MESSAGE) String phone,
        @Pattern(regexp = CustomerRequest.CREDIT_CODE, flags = Pattern.Flag.CASE_INSENSITIVE,
                message = CustomerRequest.CREDIT_CODE_MESSAGE) String creditCode,
        @Size(max = 2000) String address,
        @NotNull @Pattern(regexp = CustomerRequest.GRADE, message = CustomerRequest.GRADE_MESSAGE) String grade) {

    /** What the server alone decides: a client naming one is told so, not ignored. */
    static final Set<String> SERVER_OWNED = Set.of(
            "id", "ownerId", "ownerTeam", "inPool", "lastContactAt", "version", "createdAt", "updatedAt", "createdBy");
}

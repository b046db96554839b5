package org.salescrm.customer.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.salescrm.platform.problem.FieldViolation;

/**
 * What became of one data row. {@code row} is the line of the file it starts on, as an editor or a
 * spreadsheet numbers it: the header is row 1, so the first customer is usually row 2.
 *
 * @param status created, duplicate or invalid
 * @param customerId the customer created from the row
 * @param existingCustomerId the customer the row duplicates (one already stored, or an earlier row's)
 * @param errors why the row is invalid: each field and the rule it breaks
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportRow(int row, String status, UUID customerId, UUID existingCustomerId, List<FieldViolation> errors) {

    static final String CREATED = "created";
    static final String DUPLICATE = "duplicate";
    static final String INVALID = "invalid";

    static ImportRow created(int row, UUID id) {
        return new ImportRow(row, CREATED, id, null, null);
    }

    static ImportRow duplicate(int row, UUID existing) {
        return new ImportRow(row, DUPLICATE, null, existing, null);
    }

    static ImportRow invalid(int row, List<FieldViolation> errors) {
        return new ImportRow(row, INVALID, null, null, errors);
    }
}

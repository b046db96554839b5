package org.salescrm.customer.keyperson;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The details a client may change; a field left out (or null) stays as it is. */
public record KeyPersonPatch(
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 200) String title,
        @Size(max = 2000) String department,
        @Pattern(regexp = KeyPersonRules.PHONE, message = "must be a phone number") String phone,
        @Email @Size(max = 200) String email,
        @Pattern(regexp = KeyPersonRules.KP_TYPES, message = KeyPersonRules.KP_TYPES_MESSAGE) String kpType,
        @Pattern(regexp = KeyPersonRules.BUYING_ROLES, message = KeyPersonRules.BUYING_ROLES_MESSAGE) String buyingRole,
        @Pattern(regexp = KeyPersonRules.ATTITUDES, message = KeyPersonRules.ATTITUDES_MESSAGE) String attitude,
        UUID reportsToId) {
}

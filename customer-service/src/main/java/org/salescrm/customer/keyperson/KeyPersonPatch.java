package org.salescrm.customer.keyperson;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/** The details a client may change; every one but the name may be cleared with null. */
public record KeyPersonPatch(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String title,
        @Size(max = 2000) String department,
        @Pattern(regexp = KeyPersonRules.PHONE, message = "must be a phone number") String phone,
        @Email @Size(max = 200) String email,
        @Pattern(regexp = KeyPersonRules.KP_TYPES, message = KeyPersonRules.KP_TYPES_MESSAGE) String kpType,
        @Pattern(regexp = KeyPersonRules.BUYING_ROLES, message = KeyPersonRules.BUYING_ROLES_MESSAGE) String buyingRole,
        @Pattern(regexp = KeyPersonRules.ATTITUDES, message = KeyPersonRules.ATTITUDES_MESSAGE) String attitude,
        UUID reportsToId) {

    /** Who the person belongs to and whether they left are the server's (leaving has its own request). */
    static final Set<String> SERVER_OWNED = Set.of("id", "customerId", "active", "leftOn", "ownerId", "ownerTeam",
            "version", "createdAt", "updatedAt");
}

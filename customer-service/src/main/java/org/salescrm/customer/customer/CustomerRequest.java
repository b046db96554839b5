package org.salescrm.customer.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a client may send to create a customer; owner, team, version and timestamps are the server's.
 * A credit code may be typed in lower case: it is stored in upper case.
 */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String industry,
        @Size(max = 2000) String region,
        @Size(max = 2000) String scale,
        @Size(max = 2000) String source,
        @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
        @Pattern(regexp = CREDIT_CODE, flags = Pattern.Flag.CASE_INSENSITIVE, message = CREDIT_CODE_MESSAGE)
        String creditCode,
        @Size(max = 2000) String address,
        @Pattern(regexp = GRADE, message = GRADE_MESSAGE) String grade) {

    static final String PHONE = "^\\+?[0-9(][0-9 ()-]{5,30}$";
    static final String PHONE_MESSAGE = "must be a phone number";
    static final String CREDIT_CODE = "^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$";
    static final String CREDIT_CODE_MESSAGE = "must be an 18-character unified social credit code";
    static final String GRADE = "^[ABC]$";
    static final String GRADE_MESSAGE = "must be A, B or C";
}

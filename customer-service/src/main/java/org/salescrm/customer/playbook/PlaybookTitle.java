package org.salescrm.customer.playbook;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An item's guidance text in both languages the team works in. */
public record PlaybookTitle(@JsonProperty("zh-CN") @NotBlank @Size(max = 500) String zhCN,
                            @JsonProperty("en") @NotBlank @Size(max = 500) String en) {
}

package io.mingjing.platform.appeal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new case as the portal form, the API and Open311 describe it. */
public record AppealRequest(
        @NotNull(message = "is required: SUGGESTION, COMPLAINT, REPORT or INQUIRY") AppealKind kind,
        @NotBlank(message = "is required") String category,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String subject,
        @NotBlank(message = "is required") @Size(max = 5000, message = "must be at most 5000 characters") String body,
        @NotBlank(message = "is required") @Pattern(regexp = "^\\d{12}$", message = "must be a 12-digit village code")
        String village,
        @DecimalMin(value = "-90", message = "must be a latitude") @DecimalMax(value = "90", message = "must be a latitude")
        Double latitude,
        @DecimalMin(value = "-180", message = "must be a longitude")
        @DecimalMax(value = "180", message = "must be a longitude") Double longitude,
        @Size(max = 40) String paymentRef,
        @Size(max = 10, message = "may name at most 10 people") List<@Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,40}$",
                message = "must be a staff username") String> accused,
        @Valid OnBehalfOf onBehalfOf) {

    /** Staff filing for a resident who came in person or phoned. */
    public record OnBehalfOf(
            @NotBlank(message = "is required") @Size(max = 50) String name,
            @Pattern(regexp = "^1\\d{10}$", message = "must be an 11-digit mobile number") String phone,
            @NotNull(message = "is required") @Pattern(regexp = "^(IN_PERSON|PHONE)$",
                    message = "must be IN_PERSON or PHONE") String channel) {
    }
}

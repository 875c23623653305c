package io.mingjing.platform.onboarding;

import io.mingjing.platform.input.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;

/** A county as the operator API and {@code tenants/<id>/tenant.yaml} describe it. */
public record OnboardingRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "^[a-z][a-z0-9-]{1,30}$",
                message = "must be 2-31 characters: a lowercase letter, then lowercase letters, digits or '-'")
        String id,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = Text.NAME, message = Text.NAME_MESSAGE) String name,
        @NotNull(message = "is required")
        @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 county code, e.g. 330782")
        String regionCode,
        @Valid Branding branding,
        @Valid Admin admin,
        List<@NotBlank(message = "must not be blank") String> modules,
        Boolean demo,
        Map<String, @NotNull(message = "must be a number") @Min(value = 1, message = "must be at least 1")
                @Max(value = 100000, message = "must be at most 100000") Integer> limits) {

    public boolean isDemo() {
        return Boolean.TRUE.equals(demo);
    }

    public record Branding(
            @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "must be a colour like #c0392b") String primaryColor,
            @Size(max = 100, message = "must be at most 100 characters") String motto,
            @Size(max = 50, message = "must be at most 50 characters") String platformName,
            @Size(max = 500, message = "must be at most 500 characters") String logo) {
    }

    public record Admin(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
            String username,
            @Email(message = "must be an e-mail address") @Size(max = 200) String email,
            @Size(min = 5, max = 100, message = "must be 5-100 characters") String password) {
    }
}

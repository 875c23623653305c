package io.mingjing.platform.feature;

import io.mingjing.sdk.WarningRule;
import java.util.List;
import java.util.Set;

/**
 * The warning rules plugin modules contribute, and the one way to run a plugin's Java check: in the
 * module's own pool, under its timeout, with its {@code TenantContext}. Provided by the module
 * runtime, so that warnings need nothing of it.
 */
public interface ModuleRules {

    /**
     * The module names of the platform's own rules, built-in and a county's: no plugin module may take
     * one, or its rules' ids would be theirs, with their settings and their warnings.
     */
    Set<String> PLATFORM_MODULES = Set.of("builtin", "county");

    /** @param module the module id; @param rule one of its rules */
    record Contributed(String module, WarningRule rule) {
    }

    /** The rules of the plugin modules enabled in the county. */
    List<Contributed> enabledIn(String county);

    /**
     * Runs a Java rule's check for the county.
     *
     * @throws RuntimeException when the check threw or ran past the module timeout; the caller reports it on the rule
     */
    List<WarningRule.Hit> check(String county, String module, WarningRule rule, WarningRule.Scope scope);
}

package io.mingjing.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The result of recomputing a county's audit chain: intact, or the first entry that breaks it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean ok, long entries, String head, Long brokenAt, String reason) {
}

package io.mingjing.sdk;

/** One run of a job for one county; see {@link Job} for who calls it, when and on which thread. */
@FunctionalInterface
public interface JobHandler {

    void run(TenantContext ctx) throws Exception;
}

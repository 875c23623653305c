package io.mingjing.sdk;

/** Answers one request for one county; see {@link Route} for who calls it, when and on which thread. */
@FunctionalInterface
public interface RouteHandler {

    Reply handle(TenantContext ctx, Request request) throws Exception;
}

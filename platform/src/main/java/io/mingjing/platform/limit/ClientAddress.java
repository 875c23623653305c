package io.mingjing.platform.limit;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The address a request came from, as Quarkus sees it (behind the chart's ingress with
 * {@code quarkus.http.proxy.proxy-address-forwarding}); null for work outside an HTTP request.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    CurrentVertxRequest current;

    public String get() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        var context = current.getCurrent();
        if (context == null || context.request().remoteAddress() == null) {
            return null;
        }
        return context.request().remoteAddress().hostAddress();
    }
}

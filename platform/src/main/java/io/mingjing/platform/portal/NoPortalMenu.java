package io.mingjing.platform.portal;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** No module menu entries until the plugin runtime provides a {@link PortalMenu}. */
@ApplicationScoped
@DefaultBean
public class NoPortalMenu implements PortalMenu {

    @Override
    public List<Entry> entries(String tenant, String village, String lang) {
        return List.of();
    }
}

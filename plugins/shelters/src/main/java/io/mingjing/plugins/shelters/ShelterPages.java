package io.mingjing.plugins.shelters;

import io.mingjing.sdk.Reply;
import io.mingjing.sdk.Request;
import io.mingjing.sdk.TenantContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The map page: Leaflet from the plugin's own static files, tiles from the county's tile server (setting
 * {@code tiles}, an https URL template; none: no map), shelters from the GeoJSON API, "nearest to me" from
 * the phone's position; and the same shelters as a plain list, for phones without a map.
 */
final class ShelterPages {

    Reply map(TenantContext ctx, Request req) throws SQLException {
        List<Map<String, Object>> shelters = new Shelters().all(ctx, false);
        String[] center = ctx.settings().text("center").split(",");
        String tiles = tiles(ctx.settings().text("tiles"));
        return new Reply.Page(200, "map", Map.of("shelters", shelters, "lat", center[0].strip(),
                "lon", center.length > 1 ? center[1].strip() : "0", "zoom", ctx.settings().number("zoom"),
                "tiles", tiles, "attribution", ctx.settings().text("attribution"),
                "openCount", shelters.stream().filter(s -> Boolean.TRUE.equals(s.get("open"))).count()))
                .withImagesFrom(tiles).allowing("geolocation");
    }

    /** Only an https template is used: the page's policy admits images from its origin and nowhere else. */
    static String tiles(String setting) {
        String t = setting == null ? "" : setting.strip();
        return t.startsWith("https://") && t.length() > "https://".length() ? t : "";
    }
}

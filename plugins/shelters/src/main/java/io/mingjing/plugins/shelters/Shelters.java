package io.mingjing.plugins.shelters;

import io.mingjing.sdk.Reply;
import io.mingjing.sdk.Request;
import io.mingjing.sdk.TenantContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shelters: public reading (list, GeoJSON, nearest open), admin writing. */
final class Shelters {

    static final String COLUMNS = "id, name, address, village, lat, lon, capacity, facilities, open, phone, "
            + "updated_at AS \"updatedAt\"";

    /** Great-circle distance in metres from (?, ?) — the haversine formula, fine at county scale. */
    private static final String DISTANCE = "6371000 * 2 * asin(sqrt(power(sin(radians(lat - ?) / 2), 2) + "
            + "cos(radians(?)) * cos(radians(lat)) * power(sin(radians(lon - ?) / 2), 2)))";

    Reply list(TenantContext ctx, Request req) throws SQLException {
        return Reply.json(all(ctx, "true".equals(req.query("open"))));
    }

    List<Map<String, Object>> all(TenantContext ctx, boolean openOnly) throws SQLException {
        return ctx.sql().query("SELECT " + COLUMNS + " FROM shelters_shelter" + (openOnly ? " WHERE open" : "")
                + " ORDER BY name").stream().map(Shelters::shown).toList();
    }

    Reply one(TenantContext ctx, Request req) throws SQLException {
        return find(ctx, req.longParam("id")).map(Reply::json).orElse(Reply.notFound("No such shelter."));
    }

    private Optional<Map<String, Object>> find(TenantContext ctx, Long id) throws SQLException {
        return id == null ? Optional.empty()
                : ctx.sql().one("SELECT " + COLUMNS + " FROM shelters_shelter WHERE id = ?", id).map(Shelters::shown);
    }

    /** RFC 7946 GeoJSON: a FeatureCollection of points, [longitude, latitude]. */
    Reply geoJson(TenantContext ctx, Request req) throws SQLException {
        List<Map<String, Object>> features = all(ctx, false).stream().map(s -> {
            Map<String, Object> properties = new LinkedHashMap<>(s);
            properties.remove("lat");
            properties.remove("lon");
            return Map.<String, Object>of("type", "Feature", "id", s.get("id"),
                    "geometry", Map.of("type", "Point", "coordinates", List.of(s.get("lon"), s.get("lat"))),
                    "properties", properties);
        }).toList();
        return new Reply.Json(200, Map.of("type", "FeatureCollection", "features", features));
    }

    /** The open shelters nearest to a point, with their distance in metres. */
    Reply nearest(TenantContext ctx, Request req) throws SQLException {
        Map<String, String> errors = new LinkedHashMap<>();
        Double lat = number(req.query("lat"), -90, 90, errors, "lat");
        Double lon = number(req.query("lon"), -180, 180, errors, "lon");
        Double limit = req.query("limit") == null ? Double.valueOf(5) : number(req.query("limit"), 1, 50, errors,
                "limit");
        if (!errors.isEmpty()) {
            return Reply.badRequest("Give the point as lat and lon.", errors);
        }
        return Reply.json(ctx.sql().query("SELECT " + COLUMNS + ", round(" + DISTANCE + ") AS \"distanceMetres\" "
                + "FROM shelters_shelter WHERE open ORDER BY 12 LIMIT ?", lat, lat, lon, limit.intValue())
                .stream().map(Shelters::shown).toList());
    }

    private static Double number(String text, double min, double max, Map<String, String> errors, String field) {
        try {
            double v = Double.parseDouble(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NullPointerException | NumberFormatException e) {
            // reported below
        }
        errors.put(field, "must be a number between " + (long) min + " and " + (long) max);
        return null;
    }

    Reply create(TenantContext ctx, Request req) throws SQLException {
        ShelterInput in = ShelterInput.from(req.jsonObject());
        Map<String, String> errors = in.errors(ctx.settings().list("facilities"));
        if (!errors.isEmpty()) {
            return Reply.invalid("The shelter cannot be saved as it is.", errors);
        }
        if (ctx.sql().one("SELECT 1 AS x FROM shelters_shelter WHERE name = ?", in.name()).isPresent()) {
            return Reply.conflict("A shelter named '" + in.name() + "' exists already.");
        }
        return Reply.created(shown(save(ctx, null, in)));
    }

    Reply update(TenantContext ctx, Request req) throws SQLException {
        if (find(ctx, req.longParam("id")).isEmpty()) {
            return Reply.notFound("No such shelter.");
        }
        ShelterInput in = ShelterInput.from(req.jsonObject());
        Map<String, String> errors = in.errors(ctx.settings().list("facilities"));
        if (!errors.isEmpty()) {
            return Reply.invalid("The shelter cannot be saved as it is.", errors);
        }
        if (ctx.sql().one("SELECT 1 AS x FROM shelters_shelter WHERE name = ? AND id <> ?", in.name(),
                req.longParam("id")).isPresent()) {
            return Reply.conflict("A shelter named '" + in.name() + "' exists already.");
        }
        return Reply.json(shown(save(ctx, req.longParam("id"), in)));
    }

    /** Inserts (id null) or updates a shelter, and audits it. */
    static Map<String, Object> save(TenantContext ctx, Long id, ShelterInput in) throws SQLException {
        Object[] values = { in.name(), in.address(), in.village(), in.lat(), in.lon(), in.capacity(),
                String.join("、", in.facilities()), in.open(), in.phone(), ctx.clock().instant() };
        Map<String, Object> row = id == null
                ? ctx.sql().one("INSERT INTO shelters_shelter(name, address, village, lat, lon, capacity, facilities, "
                        + "open, phone, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS, values)
                        .orElseThrow()
                : ctx.sql().one("UPDATE shelters_shelter SET name = ?, address = ?, village = ?, lat = ?, lon = ?, "
                        + "capacity = ?, facilities = ?, open = ?, phone = ?, updated_at = ? WHERE id = " + id
                        + " RETURNING " + COLUMNS, values).orElseThrow();
        ctx.audit(id == null ? "shelter.created" : "shelter.updated", "Shelter", row.get("id").toString(), in.toString());
        return row;
    }

    Reply delete(TenantContext ctx, Request req) throws SQLException {
        int n = ctx.sql().update("DELETE FROM shelters_shelter WHERE id = ?", req.longParam("id"));
        if (n == 0) {
            return Reply.notFound("No such shelter.");
        }
        ctx.audit("shelter.deleted", "Shelter", req.param("id"), "");
        return Reply.noContent();
    }

    /** Facilities as a list, and links that open the phone's map app with directions to the shelter. */
    static Map<String, Object> shown(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        String facilities = (String) row.get("facilities");
        out.put("facilities", facilities == null || facilities.isEmpty() ? List.of()
                : Arrays.asList(facilities.split("、")));
        out.put("navigation", navigation((String) row.get("name"), (Double) row.get("lat"), (Double) row.get("lon")));
        return out;
    }

    /** Amap (高德, the common app in China; told the point is WGS-84), the OS chooser (geo:), Apple Maps. */
    static Map<String, String> navigation(String name, double lat, double lon) {
        String n = URLEncoder.encode(name, StandardCharsets.UTF_8);
        return Map.of(
                "amap", "https://uri.amap.com/navigation?to=" + lon + "," + lat + "," + n
                        + "&mode=walk&coordinate=wgs84&callnative=1",
                "geo", "geo:" + lat + "," + lon + "?q=" + lat + "," + lon + "(" + n + ")",
                "apple", "https://maps.apple.com/?daddr=" + lat + "," + lon + "&q=" + n);
    }
}

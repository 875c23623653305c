package io.mingjing.plugins.market;

import io.mingjing.sdk.Reply;
import io.mingjing.sdk.Request;
import io.mingjing.sdk.TenantContext;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Up to four photos per listing, JPEG, PNG or WebP, at most 2 MB each, uploaded as the raw body. */
final class Photos {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_PHOTOS = 4;
    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    Reply upload(TenantContext ctx, Request req) throws SQLException {
        Optional<Map<String, Object>> listing = ctx.sql().one("SELECT id, owner_id AS \"ownerId\", status FROM "
                + "market_listing WHERE id = ?", req.longParam("id"));
        if (listing.isEmpty() || !Listings.visible(ctx, listing.get())) {
            return Reply.notFound("No such listing.");
        }
        if (!Listings.owns(ctx.caller(), listing.get())) {
            return Reply.forbidden("Only the resident who posted the listing can add photos.");
        }
        String type = req.contentType() == null ? "" : req.contentType().split(";")[0].strip().toLowerCase();
        if (!TYPES.contains(type)) {
            return Reply.badRequest("A photo must be JPEG, PNG or WebP.", Map.of("file", "unsupported type " + type));
        }
        if (req.body().length == 0 || req.body().length > MAX_BYTES) {
            return new Reply.Problem(413, "Content Too Large", "A photo must be at most 2 MB.", null);
        }
        long count = ((Number) ctx.sql().one("SELECT count(*) AS n FROM market_photo WHERE listing_id = ?",
                req.longParam("id")).orElseThrow().get("n")).longValue();
        if (count >= MAX_PHOTOS) {
            return Reply.invalid("A listing has at most four photos.", Map.of("file", "too many photos"));
        }
        Object id = ctx.sql().one("INSERT INTO market_photo(listing_id, content_type, data) VALUES (?, ?, ?) "
                + "RETURNING id", req.longParam("id"), type, req.body()).orElseThrow().get("id");
        ctx.audit("photo.added", "Listing", req.param("id"), "photo " + id + " " + req.body().length + " bytes");
        return Reply.created(Map.of("id", id));
    }

    Reply download(TenantContext ctx, Request req) throws SQLException {
        return ctx.sql().one("SELECT p.content_type AS type, p.data, l.status, l.owner_id AS \"ownerId\" FROM "
                + "market_photo p JOIN market_listing l ON l.id = p.listing_id WHERE p.id = ? AND l.id = ?",
                req.longParam("photo"), req.longParam("id"))
                .filter(row -> Listings.visible(ctx, row))
                .map(row -> (Reply) new Reply.Bytes(200, (String) row.get("type"), (byte[]) row.get("data"),
                        Map.of("Cache-Control", "public, max-age=86400")))
                .orElse(Reply.notFound("No such photo."));
    }
}

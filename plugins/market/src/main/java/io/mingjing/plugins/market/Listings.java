package io.mingjing.plugins.market;

import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Reply;
import io.mingjing.sdk.Request;
import io.mingjing.sdk.TenantContext;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Listings: browse and filter, post, close, expire. Contacts are shown to logged-in residents only. */
final class Listings {

    static final String COLUMNS = "id, kind, category, product, quantity, unit, price, village, description, "
            + "contact_name AS \"contactName\", contact_phone AS \"contactPhone\", owner_id AS \"ownerId\", status, "
            + "moderation_note AS \"moderationNote\", created_at AS \"createdAt\", expires_at AS \"expiresAt\"";

    Reply categories(TenantContext ctx, Request req) {
        return Reply.json(ctx.settings().list("categories"));
    }

    Reply list(TenantContext ctx, Request req) throws SQLException {
        return Reply.json(search(ctx, req.query("kind"), req.query("category"), req.query("q"), req.query("village")));
    }

    /** Active listings, newest first, filtered by kind, category, village and a word in product or description. */
    List<Map<String, Object>> search(TenantContext ctx, String kind, String category, String q, String village)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", (SELECT min(p.id) FROM market_photo p "
                + "WHERE p.listing_id = l.id) AS \"photo\" FROM market_listing l WHERE status = 'ACTIVE' AND expires_at > ?");
        List<Object> params = new ArrayList<>(List.of(ctx.clock().instant()));
        filter(sql, params, "kind = ?", kind);
        filter(sql, params, "category = ?", category);
        filter(sql, params, "village = ?", village);
        if (q != null && !q.isBlank()) {
            sql.append(" AND (product ILIKE ? OR description ILIKE ?)");
            String like = "%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT 200");
        return ctx.sql().query(sql.toString(), params.toArray()).stream().map(row -> shown(ctx, row)).toList();
    }

    private static void filter(StringBuilder sql, List<Object> params, String clause, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(clause);
            params.add(value);
        }
    }

    Reply one(TenantContext ctx, Request req) throws SQLException {
        return find(ctx, req.longParam("id")).filter(row -> visible(ctx, row)).map(row -> Reply.json(shown(ctx, row)))
                .orElse(Reply.notFound("No such listing."));
    }

    Optional<Map<String, Object>> find(TenantContext ctx, Long id) throws SQLException {
        if (id == null) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> row = ctx.sql().one("SELECT " + COLUMNS + " FROM market_listing WHERE id = ?", id);
        if (row.isPresent()) {
            row.get().put("photos", ctx.sql().query("SELECT id FROM market_photo WHERE listing_id = ? ORDER BY id", id)
                    .stream().map(p -> p.get("id")).toList());
        }
        return row;
    }

    /** Anyone sees active listings; the owner and cadres also see pending, rejected and closed ones. */
    static boolean visible(TenantContext ctx, Map<String, Object> row) {
        return "ACTIVE".equals(row.get("status")) || owns(ctx.caller(), row) || isCadre(ctx);
    }

    static boolean owns(Caller caller, Map<String, Object> row) {
        return !caller.anonymous() && caller.userId().equals(row.get("ownerId"));
    }

    static boolean isCadre(TenantContext ctx) {
        return resident(ctx) && ctx.caller().hasRole("cadre");
    }

    /** A logged-in account of this county: the only callers who see contacts. */
    static boolean resident(TenantContext ctx) {
        return !ctx.caller().anonymous() && ctx.county().equals(ctx.caller().county());
    }

    /** Contacts and the owner's id are for residents' eyes only. */
    static Map<String, Object> shown(TenantContext ctx, Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        out.put("mine", owns(ctx.caller(), row));
        out.remove("ownerId");
        if (!resident(ctx)) {
            out.remove("contactName");
            out.remove("contactPhone");
        }
        return out;
    }

    Reply create(TenantContext ctx, Request req) throws SQLException {
        Map<String, Object> body = req.jsonObject();
        ListingInput in = ListingInput.from(body);
        Map<String, String> errors = in.errors(ctx.settings(), body);
        if (!resident(ctx)) {
            return Reply.forbidden("Only residents of this county can post listings.");
        }
        if (!errors.isEmpty()) {
            return Reply.invalid("The listing cannot be posted as it is.", errors);
        }
        return Reply.created(shown(ctx, insert(ctx, in)));
    }

    Map<String, Object> insert(TenantContext ctx, ListingInput in) throws SQLException {
        Instant now = ctx.clock().instant();
        String status = ctx.settings().flag("moderation") ? "PENDING" : "ACTIVE";
        Map<String, Object> row = ctx.sql().one("INSERT INTO market_listing(kind, category, product, quantity, unit, "
                + "price, village, description, contact_name, contact_phone, owner_id, status, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS, in.kind(), in.category(),
                in.product(), in.quantity(), in.unit(), in.price(), in.village(), in.description(), in.contactName(),
                in.contactPhone(), ctx.caller().userId(), status, now,
                now.plus(Duration.ofDays(ctx.settings().number("expiryDays")))).orElseThrow();
        ctx.audit("listing.posted", "Listing", row.get("id").toString(), in.toString());
        ctx.publish("market.listing-posted", row.get("id").toString(), Map.of("kind", in.kind(), "status", status));
        return row;
    }

    Reply close(TenantContext ctx, Request req) throws SQLException {
        Optional<Map<String, Object>> row = find(ctx, req.longParam("id"));
        if (row.isEmpty() || !visible(ctx, row.get())) {
            return Reply.notFound("No such listing.");
        }
        if (!owns(ctx.caller(), row.get()) && !isCadre(ctx)) {
            return Reply.forbidden("Only the resident who posted it, or a cadre, can close a listing.");
        }
        ctx.sql().update("UPDATE market_listing SET status = 'CLOSED' WHERE id = ?", row.get().get("id"));
        ctx.audit("listing.closed", "Listing", row.get().get("id").toString(), "CLOSED");
        return Reply.json(Map.of("id", row.get().get("id"), "status", "CLOSED"));
    }

    /** Hourly: listings past their date leave the market. */
    void expire(TenantContext ctx) throws SQLException {
        int n = ctx.sql().update("UPDATE market_listing SET status = 'EXPIRED' WHERE status IN ('ACTIVE', 'PENDING') "
                + "AND expires_at <= ?", ctx.clock().instant());
        if (n > 0) {
            ctx.audit("listings.expired", "Listing", null, "expired=" + n);
        }
    }
}

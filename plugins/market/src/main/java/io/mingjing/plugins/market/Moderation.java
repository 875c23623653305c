package io.mingjing.plugins.market;

import io.mingjing.sdk.Reply;
import io.mingjing.sdk.Request;
import io.mingjing.sdk.TenantContext;
import java.sql.SQLException;
import java.util.Map;

/** Cadres approve or reject pending listings, with a note the resident sees. */
final class Moderation {

    Reply queue(TenantContext ctx, Request req) throws SQLException {
        return Reply.json(ctx.sql().query("SELECT " + Listings.COLUMNS + " FROM market_listing WHERE status = 'PENDING' "
                + "ORDER BY created_at"));
    }

    Reply decide(TenantContext ctx, Request req) throws SQLException {
        Object decision = req.jsonObject().get("decision");
        Object note = req.jsonObject().get("note");
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            return Reply.invalid("A decision is needed.", Map.of("decision", "must be APPROVE or REJECT"));
        }
        if (note != null && note.toString().length() > 200) {
            return Reply.invalid("The note is too long.", Map.of("note", "must be at most 200 characters"));
        }
        String status = "APPROVE".equals(decision) ? "ACTIVE" : "REJECTED";
        int n = ctx.sql().update("UPDATE market_listing SET status = ?, moderation_note = ? WHERE id = ? "
                + "AND status = 'PENDING'", status, note == null ? null : note.toString(), req.longParam("id"));
        if (n == 0) {
            return ctx.sql().one("SELECT 1 AS x FROM market_listing WHERE id = ?", req.longParam("id")).isPresent()
                    ? Reply.conflict("This listing is not waiting for moderation.")
                    : Reply.notFound("No such listing.");
        }
        ctx.audit("listing.moderated", "Listing", req.param("id"), status + " " + (note == null ? "" : note));
        return Reply.json(Map.of("id", req.longParam("id"), "status", status));
    }
}

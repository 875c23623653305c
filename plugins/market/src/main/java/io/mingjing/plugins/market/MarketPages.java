package io.mingjing.plugins.market;

import io.mingjing.sdk.Reply;
import io.mingjing.sdk.Request;
import io.mingjing.sdk.TenantContext;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The portal: the market (list and filter), one listing, and the post form. Server-rendered, light. */
final class MarketPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日").withZone(ZoneId.of("Asia/Shanghai"));

    private final Listings listings;

    MarketPages(Listings listings) {
        this.listings = listings;
    }

    Reply index(TenantContext ctx, Request req) throws SQLException {
        List<Map<String, Object>> rows = listings.search(ctx, req.query("kind"), req.query("category"), req.query("q"),
                null).stream().map(MarketPages::display).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("listings", rows);
        model.put("categories", ctx.settings().list("categories"));
        model.put("kind", blank(req.query("kind")));
        model.put("category", blank(req.query("category")));
        model.put("q", blank(req.query("q")));
        model.put("loggedIn", Listings.resident(ctx));
        return Reply.page("index", model);
    }

    Reply detail(TenantContext ctx, Request req) throws SQLException {
        return listings.find(ctx, req.longParam("id")).filter(row -> Listings.visible(ctx, row))
                .map(row -> Reply.page("listing", Map.of("l", display(Listings.shown(ctx, row)),
                        "loggedIn", Listings.resident(ctx))))
                .orElse(Reply.notFound("No such listing."));
    }

    Reply postForm(TenantContext ctx, Request req) {
        return form(ctx, Map.of("kind", "SUPPLY"), Map.of(), 200);
    }

    /** Post, then go to the new listing; on errors show the form again with the values and what is wrong. */
    Reply post(TenantContext ctx, Request req) throws SQLException {
        Map<String, String> fields = req.form();
        ListingInput in = ListingInput.from(fields);
        Map<String, String> errors = in.errors(ctx.settings(), fields);
        if (!errors.isEmpty()) {
            return form(ctx, fields, errors, 422);
        }
        Map<String, Object> row = listings.insert(ctx, in);
        return Reply.redirect("/listings/" + row.get("id"));
    }

    private static Reply form(TenantContext ctx, Map<String, String> values, Map<String, String> errors, int status) {
        Map<String, Object> model = new HashMap<>();
        model.put("v", new HashMap<>(values));
        model.put("errors", errors);
        model.put("categories", ctx.settings().list("categories"));
        model.put("moderation", ctx.settings().flag("moderation"));
        return new Reply.Page(status, "post", model);
    }

    /** What a page shows: prices "面议" when empty, quantities without trailing zeros, dates in Chinese. */
    static Map<String, Object> display(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        out.put("kindLabel", "SUPPLY".equals(row.get("kind")) ? "供应" : "求购");
        out.put("priceLabel", row.get("price") == null ? "面议" : "¥" + plain(row.get("price")) + "/" + row.get("unit"));
        out.put("quantityLabel", plain(row.get("quantity")) + " " + row.get("unit"));
        out.put("expires", row.get("expiresAt") == null ? "" : DAY.format((java.time.Instant) row.get("expiresAt")));
        return out;
    }

    private static String plain(Object n) {
        return n instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : String.valueOf(n);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}

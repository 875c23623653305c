package io.mingjing.plugins.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.sdk.Caller;
import io.mingjing.sdk.testkit.Callers;
import io.mingjing.sdk.testkit.ModuleTestKit;
import io.mingjing.sdk.testkit.TestReply;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The market module against a real county schema, with the SDK test kit. */
class MarketModuleTest {

    ModuleTestKit kit;
    Caller villager;
    Caller neighbour;
    Caller cadre;

    @BeforeEach
    void start() {
        kit = ModuleTestKit.start(new MarketModule());
        villager = Callers.villager(kit.county(), "李大姐", "450521100201");
        neighbour = Callers.villager(kit.county(), "王伯", "450521100202");
        cadre = Callers.cadre(kit.county(), "村干部", "450521100201");
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    static Map<String, Object> oranges() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "SUPPLY");
        body.put("category", "水果");
        body.put("product", "沙田柚");
        body.put("quantity", 500);
        body.put("unit", "斤");
        body.put("price", "2.5");
        body.put("village", "烟楼村");
        body.put("contactName", "李大姐");
        body.put("contactPhone", "13800000000");
        return body;
    }

    long post(Map<String, Object> body) {
        TestReply r = kit.post(villager, "/listings", body);
        assertEquals(201, r.status(), () -> String.valueOf(r.reply()));
        return ((Number) r.body().get("id")).longValue();
    }

    @Test
    void aPostedListingWaitsForACadreThenAppearsWithContactsForResidentsOnly() {
        long id = post(oranges());
        assertEquals(0, kit.get(Caller.ANONYMOUS, "/listings").list().size());
        assertEquals(1, kit.get(cadre, "/moderation").list().size());

        TestReply approved = kit.post(cadre, "/listings/" + id + "/moderation", Map.of("decision", "APPROVE"));
        assertEquals("ACTIVE", approved.body().get("status"));

        Map<String, Object> seenByPublic = kit.get(Caller.ANONYMOUS, "/listings").list().get(0);
        assertEquals("沙田柚", seenByPublic.get("product"));
        assertFalse(seenByPublic.containsKey("contactPhone"));
        assertFalse(seenByPublic.containsKey("ownerId"));
        assertEquals("13800000000", kit.get(neighbour, "/listings/" + id).body().get("contactPhone"));
        assertEquals(List.of("market.listing-posted"), kit.events().stream().map(e -> e.type()).toList());
        assertEquals(List.of("listing.posted", "listing.moderated"), kit.audits().stream().map(a -> a.action()).toList());
    }

    @Test
    void aResidentOfAnotherCountyOrAnonymousSeesNoContactAndCannotPost() {
        kit.settings(Map.of("moderation", false));
        long id = post(oranges());
        Caller outsider = Callers.villager("other-county", "外县人", "330782100201");
        assertFalse(kit.get(outsider, "/listings/" + id).body().containsKey("contactPhone"));
        assertEquals(403, kit.post(outsider, "/listings", oranges()).status());
        assertEquals(401, kit.post(Caller.ANONYMOUS, "/listings", oranges()).status());
    }

    @Test
    void invalidListingsAreRefusedFieldByField() {
        Map<String, Object> bad = oranges();
        bad.put("kind", "SWAP");
        bad.put("category", "宠物");
        bad.put("quantity", -3);
        bad.put("price", "便宜");
        bad.put("contactPhone", "call me");
        bad.remove("product");
        TestReply r = kit.post(villager, "/listings", bad);
        assertEquals(422, r.status());
        assertEquals(List.of("kind", "category", "product", "quantity", "price", "contactPhone"),
                List.copyOf(r.errors().keySet()));
        assertTrue(kit.sql("SELECT * FROM market_listing").isEmpty());
        assertTrue(kit.audits().isEmpty());
    }

    @Test
    void categoriesAreSetPerCounty() {
        kit.settings(Map.of("categories", List.of("茶叶", "香菇")));
        assertEquals(List.of("茶叶", "香菇"), kit.get(Caller.ANONYMOUS, "/categories").json());
        assertEquals(422, kit.post(villager, "/listings", oranges()).status());
        assertThrows(IllegalArgumentException.class, () -> kit.settings(Map.of("expiryDays", 0)));
    }

    @Test
    void filtersByKindCategoryAndWord() {
        kit.settings(Map.of("moderation", false));
        post(oranges());
        Map<String, Object> rice = oranges();
        rice.put("kind", "DEMAND");
        rice.put("category", "粮油");
        rice.put("product", "求购优质稻谷");
        rice.put("price", null);
        post(rice);
        assertEquals(2, kit.get(Caller.ANONYMOUS, "/listings").list().size());
        assertEquals("求购优质稻谷", kit.get(Caller.ANONYMOUS, "/listings?kind=DEMAND").list().get(0).get("product"));
        assertEquals(1, kit.get(Caller.ANONYMOUS, "/listings?category=%E6%B0%B4%E6%9E%9C").list().size());
        assertEquals(1, kit.get(Caller.ANONYMOUS, "/listings?q=%E7%A8%BB").list().size());
        assertNull(kit.get(Caller.ANONYMOUS, "/listings?kind=DEMAND").list().get(0).get("price"));
    }

    @Test
    void theExpiryJobTakesOldListingsOffTheMarket() {
        kit.settings(Map.of("moderation", false, "expiryDays", 7));
        Instant now = Instant.parse("2025-03-01T02:00:00Z");
        kit.clock(now);
        long id = post(oranges());
        kit.clock(now.plus(Duration.ofDays(6)));
        kit.runJob("expire");
        assertEquals(1, kit.get(Caller.ANONYMOUS, "/listings").list().size());
        kit.clock(now.plus(Duration.ofDays(8)));
        kit.runJob("expire");
        assertEquals(0, kit.get(Caller.ANONYMOUS, "/listings").list().size());
        assertEquals("EXPIRED", kit.get(villager, "/listings/" + id).body().get("status"));
        assertEquals("listings.expired", kit.audits().get(kit.audits().size() - 1).action());
    }

    @Test
    void onlyTheOwnerOrACadreClosesAndOnlyTheOwnerAddsPhotos() {
        kit.settings(Map.of("moderation", false));
        long id = post(oranges());
        assertEquals(403, kit.post(neighbour, "/listings/" + id + "/close", Map.of()).status());
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 };
        assertEquals(403, kit.send(neighbour, "POST", "/listings/" + id + "/photos", "image/jpeg", jpeg).status());
        assertEquals(400, kit.send(villager, "POST", "/listings/" + id + "/photos", "text/plain", jpeg).status());
        TestReply photo = kit.send(villager, "POST", "/listings/" + id + "/photos", "image/jpeg", jpeg);
        assertEquals(201, photo.status());
        TestReply back = kit.get(Caller.ANONYMOUS, "/listings/" + id + "/photos/" + photo.body().get("id"));
        assertEquals(4, back.bytes().length);
        assertEquals(200, kit.post(cadre, "/listings/" + id + "/close", Map.of()).status());
        assertEquals(404, kit.get(Caller.ANONYMOUS, "/listings/" + id).status());
    }

    @Test
    void portalPagesListFilterAndPost() {
        kit.settings(Map.of("moderation", false));
        post(oranges());
        TestReply index = kit.page(Caller.ANONYMOUS, "/");
        assertTrue(index.html().contains("沙田柚"), index.html());
        assertFalse(index.html().contains("13800000000"));
        assertTrue(kit.page(neighbour, "/").html().contains("13800000000"));
        assertEquals(401, kit.page(Caller.ANONYMOUS, "/post").status());
        assertTrue(kit.page(villager, "/post").html().contains("name=\"product\""));

        TestReply invalid = kit.form(villager, "/post", Map.of("kind", "DEMAND", "category", "粮油", "product", "",
                "quantity", "abc", "unit", "斤", "village", "烟楼村", "contactName", "王伯", "contactPhone", "139"));
        assertEquals(422, invalid.status());
        assertTrue(invalid.html().contains("is required"), invalid.html());
        TestReply ok = kit.form(villager, "/post", Map.of("kind", "DEMAND", "category", "粮油", "product", "<稻谷>",
                "quantity", "1000", "unit", "斤", "village", "烟楼村", "contactName", "王伯", "contactPhone",
                "13900000000"));
        assertEquals(303, ok.status());
        TestReply detail = kit.page(Caller.ANONYMOUS, ok.location());
        assertTrue(detail.html().contains("&lt;稻谷&gt;"), "escaped: " + detail.html());
        assertTrue(detail.html().contains("面议"));
    }
}

package io.mingjing.plugins.shelters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.sdk.Caller;
import io.mingjing.sdk.Reply;
import io.mingjing.sdk.testkit.Callers;
import io.mingjing.sdk.testkit.ModuleTestKit;
import io.mingjing.sdk.testkit.TestReply;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shelters module against a real county schema, with the SDK test kit. */
@SuppressWarnings("unchecked")
class SheltersModuleTest {

    static final String CSV = """
            name,address,village,lat,lon,capacity,facilities,open,phone
            藤桥镇中心小学,藤桥镇府前路1号,藤桥村,28.0421,120.5512,300,饮用水、食品、厕所,开放,0577-88000001
            "山福镇文化礼堂","山福镇山福村, 村委旁",山福村,28.0632,120.5150,120,饮用水;床铺,true,
            七都街道避灾点,七都街道樟里村,樟里村,27.9890,120.7280,200,,关闭,
            """;

    ModuleTestKit kit;
    Caller admin;

    @BeforeEach
    void start() {
        kit = ModuleTestKit.start(new SheltersModule());
        admin = Callers.admin(kit.county(), "县管理员");
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    TestReply importCsv(String csv) {
        return kit.send(admin, "POST", "/shelters/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void csvImportCreatesThenUpdatesByName() {
        TestReply first = importCsv(CSV);
        assertEquals(200, first.status(), () -> first.reply().toString());
        assertEquals(Map.of("created", 3, "updated", 0), first.body());
        TestReply again = importCsv(CSV.replace(",300,", ",350,"));
        assertEquals(Map.of("created", 0, "updated", 3), again.body());
        Map<String, Object> school = kit.get(Caller.ANONYMOUS, "/shelters").list().stream()
                .filter(s -> s.get("name").equals("藤桥镇中心小学")).findFirst().orElseThrow();
        assertEquals(350, school.get("capacity"));
        assertEquals(List.of("饮用水", "食品", "厕所"), school.get("facilities"));
        assertTrue(kit.get(Caller.ANONYMOUS, "/shelters").list().stream()
                .anyMatch(s -> "山福镇山福村, 村委旁".equals(s.get("address"))), "quoted CSV field with a comma");
        assertEquals("shelters.imported", kit.audits().get(kit.audits().size() - 1).action());
    }

    @Test
    void aBadRowRejectsTheWholeFileWithRowNumbers() {
        String bad = CSV + "坏数据,,,95,120.1,-1,游泳池,也许,abc\n";
        TestReply r = importCsv(bad);
        assertEquals(422, r.status());
        assertEquals(List.of("row 5.lat", "row 5.capacity", "row 5.facilities", "row 5.open", "row 5.phone"),
                List.copyOf(r.errors().keySet()));
        assertTrue(kit.get(Caller.ANONYMOUS, "/shelters").list().isEmpty());
        assertEquals(400, importCsv("名称,地址\n甲,乙\n").status());
    }

    @Test
    void geoJsonAndTheNearestOpenShelters() {
        importCsv(CSV);
        Map<String, Object> geo = kit.get(Caller.ANONYMOUS, "/shelters.geojson").body();
        assertEquals("FeatureCollection", geo.get("type"));
        List<Map<String, Object>> features = (List<Map<String, Object>>) geo.get("features");
        assertEquals(3, features.size());
        Map<String, Object> geometry = (Map<String, Object>) features.stream()
                .filter(f -> "山福镇文化礼堂".equals(((Map<String, Object>) f.get("properties")).get("name")))
                .findFirst().orElseThrow().get("geometry");
        assertEquals("Point", geometry.get("type"));
        assertEquals(List.of(120.515, 28.0632), geometry.get("coordinates"), "GeoJSON is [lon, lat]");

        // Next to 藤桥: it comes first; 七都 is closed and never listed.
        List<Map<String, Object>> near = kit.get(Caller.ANONYMOUS, "/shelters/nearest?lat=28.04&lon=120.55").list();
        assertEquals(List.of("藤桥镇中心小学", "山福镇文化礼堂"), near.stream().map(s -> s.get("name")).toList());
        assertTrue(((Number) near.get(0).get("distanceMetres")).doubleValue() < 500);
        Map<String, String> nav = (Map<String, String>) near.get(0).get("navigation");
        assertTrue(nav.get("amap").startsWith("https://uri.amap.com/navigation?to=120.5512,28.0421,"));
        assertTrue(nav.get("geo").startsWith("geo:28.0421,120.5512"));
        assertEquals(400, kit.get(Caller.ANONYMOUS, "/shelters/nearest?lat=abc&lon=200").status());
    }

    @Test
    void adminsCreateUpdateAndDeleteOthersMayNot() {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "鹿城区体育馆", "lat", 28.0, "lon", 120.65,
                "capacity", 800, "facilities", List.of("饮用水", "医疗点"), "open", true));
        assertEquals(401, kit.post(Caller.ANONYMOUS, "/shelters", body).status());
        assertEquals(403, kit.post(Callers.villager(kit.county(), "村民", "330302100201"), "/shelters", body).status());
        TestReply created = kit.post(admin, "/shelters", body);
        assertEquals(201, created.status(), () -> created.reply().toString());
        assertEquals(409, kit.post(admin, "/shelters", body).status());
        Object id = created.body().get("id");

        body.put("open", false);
        body.put("facilities", List.of("游泳池"));
        assertEquals(422, kit.put(admin, "/shelters/" + id, body).status());
        body.put("facilities", List.of());
        assertEquals(false, kit.put(admin, "/shelters/" + id, body).body().get("open"));
        assertTrue(kit.get(Caller.ANONYMOUS, "/shelters/nearest?lat=28&lon=120.65").list().isEmpty());
        assertEquals(204, kit.delete(admin, "/shelters/" + id).status());
        assertEquals(404, kit.get(Caller.ANONYMOUS, "/shelters/" + id).status());
        assertEquals(List.of("shelter.created", "shelter.updated", "shelter.deleted"),
                kit.audits().stream().map(a -> a.action()).toList());
    }

    @Test
    void theMapPageShipsLeafletAndNavigationLinks() {
        importCsv(CSV);
        String html = kit.page(Caller.ANONYMOUS, "/").html();
        assertTrue(html.contains("/static/leaflet/leaflet.js"), html);
        assertTrue(html.contains("2 处开放"));
        assertTrue(html.contains("https://uri.amap.com/navigation?to=120.5512,28.0421,"));
        assertTrue(html.contains("geo:28.0421,120.5512"));
        assertTrue(!html.contains("//unpkg.com") && !html.contains("cdn"), "no CDN");
        assertNotNull(SheltersModule.class.getClassLoader().getResource("web/static/leaflet/leaflet.js"));
        assertNotNull(SheltersModule.class.getClassLoader().getResource("web/static/leaflet/images/marker-icon.png"));
    }

    @Test
    void withoutATileServerThePageIsAListAndAsksForNoImageOrigin() {
        importCsv(CSV);
        var reply = kit.page(Caller.ANONYMOUS, "/");
        assertTrue(!reply.html().contains("id=\"map\"") && reply.html().contains("藤桥镇中心小学"), reply.html());
        Reply.Page page = (Reply.Page) reply.reply();
        assertEquals(List.of(), page.imageSources());
        assertEquals(List.of("geolocation"), page.features(), "nearest-to-me asks for the position");
        kit.settings(Map.of("tiles", "http://tiles.example.cn/{z}/{x}/{y}.png"));
        assertEquals(List.of(), ((Reply.Page) kit.page(Caller.ANONYMOUS, "/").reply()).imageSources(),
                "only https tiles are used");
    }

    @Test
    void aCountysTileServerIsThePageOnlyImageOrigin() {
        String tianditu = "https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=key";
        kit.settings(Map.of("tiles", tianditu, "attribution", "天地图"));
        var reply = kit.page(Caller.ANONYMOUS, "/");
        assertTrue(reply.html().contains("id=\"map\""), reply.html());
        assertEquals(List.of(tianditu), ((Reply.Page) reply.reply()).imageSources());
    }
}

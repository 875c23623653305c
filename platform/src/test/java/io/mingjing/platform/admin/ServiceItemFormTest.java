package io.mingjing.platform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.platform.portal.Texts;
import io.mingjing.platform.service.ServiceCatalogue;
import io.mingjing.platform.service.ServiceItemSpec;
import io.mingjing.platform.service.ServiceItemSpec.Material;
import io.mingjing.platform.service.ServiceItemSpec.Stage;
import io.mingjing.platform.service.ServiceItemSpec.Step;
import io.mingjing.platform.workflow.SignOff;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceItemFormTest {

    static final ServiceItemSpec ITEM = new ServiceItemSpec("gaoling", "高龄老人生活津贴", null, "县民政局", "老年人权益保障法",
            "年满80周岁", List.of(new Material("idcard", "居民身份证", null, true), new Material("photo", "近期照片", false, null)),
            Map.of("type", "object", "properties", Map.of("birthDate", Map.of("type", "string", "title", "出生日期"))), 24,
            List.of(new Stage("town", "镇审核", SignOff.ANY, null, 72, List.of(new Step("t", "镇民政办", "town-official",
                    null)))), null, 15, null, null, null);

    /** What a browser sends back for a form it was shown, untouched. */
    static Map<String, String> posted(ServiceItemForm.Form f) {
        Map<String, String> p = new LinkedHashMap<>(f.values());
        for (int i = 0; i < f.materials().size(); i++) {
            ServiceItemForm.Row r = f.materials().get(i);
            p.put("m" + i + "-id", r.id());
            p.put("m" + i + "-name", r.name());
            if (r.original()) {
                p.put("m" + i + "-original", "true");
            }
            if (r.required()) {
                p.put("m" + i + "-required", "true");
            }
        }
        if (f.enabled()) {
            p.put("enabled", "true");
        }
        return p;
    }

    @Test
    void anUntouchedFormReadsBackAsTheStoredItemSoSavingItMakesNoNewVersion() {
        var shown = ServiceItemForm.of("gaoling", new ServiceCatalogue.Entry("gaoling", 3, true, 10, ITEM, Instant.now()));
        assertEquals(2 + ServiceItemForm.BLANK_ROWS, shown.materials().size(), "a few blank rows to add a material");
        ServiceItemForm.Read read = ServiceItemForm.read("gaoling", posted(shown), ITEM);
        assertEquals(Map.of(), read.problems());
        assertEquals(ITEM, read.item());
        assertEquals(10, read.position());
        assertTrue(read.enabled());
    }

    @Test
    void whatCannotBeReadIsAProblemOfItsOwnField() {
        Map<String, String> p = posted(ServiceItemForm.of("gaoling", null));
        p.put("promisedDays", "十五");
        p.put("review", "[{\"id\": ");
        p.put("publish", "EVERYWHERE");
        ServiceItemForm.Read read = ServiceItemForm.read("gaoling", p, null);
        assertEquals(List.of("review", "promisedDays", "publish"), List.copyOf(read.problems().keySet()));
        assertNull(read.item().promisedDays());
        assertEquals(List.of(), read.item().materialList(), "blank rows are no materials");
    }

    @Test
    void theCataloguesErrorsLandOnTheirFieldsInThePagesLanguage() {
        assertEquals("review", ServiceItemForm.field("review[1].steps[0].role"));
        assertEquals("form", ServiceItemForm.field("form.properties.x.type"));
        assertEquals("materials[2]", ServiceItemForm.field("materials[2].id"));
        assertEquals("code", ServiceItemForm.field("item.code"));
        assertEquals("acceptHours", ServiceItemForm.field("acceptHours"));
        Map<String, String> p = posted(ServiceItemForm.of("gaoling", null));
        var form = ServiceItemForm.refused("gaoling", false, p, ITEM, Map.of("materials[1].name", "is required",
                "review[0].hours", "is the stage's time limit", "acceptHours", "1 to 720"), Texts.ZH);
        assertEquals(Texts.ZH.get("admin.service.err.material"), form.materials().get(1).error());
        assertNull(form.materials().get(0).error());
        assertEquals(List.of("review[0].hours: is the stage's time limit"), form.details("review"));
        assertEquals("须为 1 到 720 之间的整数（小时）", form.error("acceptHours"));
    }
}

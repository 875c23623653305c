package io.mingjing.platform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mingjing.platform.portal.Texts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingFormTest {

    static final List<Map<String, Object>> SPECS = List.of(
            Map.of("key", "expiryDays", "type", "number", "min", 1L, "max", 180L, "default", 30L),
            Map.of("key", "moderation", "type", "flag", "default", true),
            Map.of("key", "categories", "type", "textList", "maxItems", 100, "maxLength", 50, "default", List.of()),
            Map.of("key", "tiles", "type", "text", "maxLength", 300, "default", ""));

    @Test
    void aBrowsersFormBecomesTypedValuesAndAnUntickedBoxIsFalse() {
        Map<String, Object> values = SettingForm.values(SPECS, Map.of("expiryDays", " 60 ", "categories",
                "蔬菜\r\n\n 水果 \n", "tiles", "https://t.example/{z}"));
        assertEquals(60L, values.get("expiryDays"));
        assertEquals(false, values.get("moderation"));
        assertEquals(List.of("蔬菜", "水果"), values.get("categories"));
        assertEquals("https://t.example/{z}", values.get("tiles"));
    }

    @Test
    void aNumberThatIsNoNumberStaysTextForTheSettingToRefuse() {
        assertEquals("sixty", SettingForm.values(SPECS, Map.of("expiryDays", "sixty")).get("expiryDays"));
    }

    @Test
    void aRefusedFieldIsWordedFromItsTypeAndBoundsInThePagesLanguage() {
        var fields = SettingForm.fields("market", SPECS, Map.of("expiryDays", 30L, "moderation", true,
                "categories", List.of("a", "b")), null, Map.of("settings.expiryDays", "must be between 1 and 180"),
                Texts.ZH);
        assertEquals("须为 1 到 180 之间的整数", fields.get(0).error());
        assertEquals("信息有效天数", fields.get(0).label());
        assertNull(fields.get(1).error());
        assertEquals("true", fields.get(1).value());
        assertEquals("a\nb", fields.get(2).value());
        assertEquals("Must be a whole number from 1 to 180", SettingForm.fields("market", SPECS, Map.of(), null,
                Map.of("settings.expiryDays", "x"), Texts.EN).get(0).error());
    }
}

package io.mingjing.platform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.platform.service.ServiceItemSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceFormsTest {

    static ServiceItemSpec item(Map<String, Object> properties) {
        return new ServiceItemSpec("gaoling", "高龄老人生活津贴", "Old-age allowance", "县民政局", "依据", "条件", List.of(),
                Map.of("type", "object", "properties", properties), 24, List.of(), null, null, null, null, null);
    }

    @Test
    void anEnglishPageLabelsAFieldWithItsEnglishTitleWhenTheCountyWroteOne() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("birthDate", Map.of("type", "string", "format", "date", "title", "出生日期", "x-title-en", "Date of birth"));
        props.put("phone", Map.of("type", "string", "title", "联系电话"));
        props.put("note", Map.of("type", "string"));
        List<ServiceForms.Field> en = ServiceForms.fields(item(props), true);
        assertEquals(List.of("Date of birth", "联系电话", "note"), en.stream().map(ServiceForms.Field::label).toList(),
                "no English title: the Chinese one, else the property's name");
        assertEquals(List.of("出生日期", "联系电话", "note"), ServiceForms.fields(item(props), false).stream()
                .map(ServiceForms.Field::label).toList());
        assertEquals("date", en.get(0).type());
    }
}

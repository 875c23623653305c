package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mingjing.sdk.Caller;
import io.mingjing.sdk.testkit.Callers;
import io.mingjing.sdk.testkit.ModuleTestKit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the module against a real PostgreSQL schema with the SDK test kit: no platform needed. */
class PluginModuleTest {

    @Test
    void residentsPostNotesThatEveryoneReads() {
        try (ModuleTestKit kit = ModuleTestKit.start(new PluginModule())) {
            Caller villager = Callers.villager(kit.county(), "张三", "330782100201");
            assertEquals(401, kit.post(Caller.ANONYMOUS, "/notes", Map.of("text", "你好")).status());
            assertEquals(422, kit.post(villager, "/notes", Map.of("text", "")).status());
            assertEquals(201, kit.post(villager, "/notes", Map.of("text", "今天赶集")).status());
            assertEquals(1, kit.get(Caller.ANONYMOUS, "/notes").list().size());
            assertEquals("note.created", kit.audits().get(0).action());
            assertTrue(kit.page(Caller.ANONYMOUS, "/").html().contains("今天赶集"));
        }
    }
}

package io.mingjing.platform.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mingjing.platform.feature.ModuleRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformModulesTest {

    @Test
    void theModulesNoPluginMayTakeAreThoseOfTheBuiltInAndTheCountysRules() {
        assertEquals(Set.of(BuiltinRules.MODULE, CountyRule.MODULE), ModuleRules.PLATFORM_MODULES);
    }
}

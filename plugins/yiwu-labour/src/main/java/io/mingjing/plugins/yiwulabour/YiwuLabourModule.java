package io.mingjing.plugins.yiwulabour;

import io.mingjing.sdk.Facts;
import io.mingjing.sdk.Module;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Setting;
import io.mingjing.sdk.WarningRule;
import io.mingjing.sdk.WarningRule.Severity;
import io.mingjing.sdk.WarningRule.Tier;
import org.pf4j.Extension;

/**
 * 义乌's labour-use rules (村级务工) beyond the platform's nine: its own wage standard, a village's
 * monthly wages over a ceiling (a sum over a period, in Java), declared labour left unpaid too long
 * ("nothing happened within N days", in Java), and weekend starts (CEL the platform runs in Java).
 */
@Extension
public class YiwuLabourModule implements Module {

    static final String ID = "yiwu-labour";

    @Override
    public ModuleManifest manifest() {
        LabourChecks checks = new LabourChecks();
        return ModuleManifest.of(ID, "1.0.0", new Names("义乌务工预警", "Yiwu labour rules"),
                "义乌市村级务工预警规则：日薪标准、村月度务工工资总额、申报后逾期未支付。",
                WarningRule.cel("daily-rate-yiwu", "labour", new Names("务工日薪高于义乌标准", "Daily rate above Yiwu's standard"),
                        Severity.YELLOW, Tier.VILLAGE, Facts.LABOUR, "fact.dailyRate > double(threshold.standardRate)",
                        Setting.number("standardRate", 250, 100, 2000)),
                WarningRule.cel("weekend-start", "labour", new Names("周末开工", "Work starting on a weekend"),
                        Severity.YELLOW, Tier.VILLAGE, Facts.LABOUR,
                        "fact.plannedStart.getDayOfWeek('Asia/Shanghai') in [0, 6] && fact.workers >= threshold.minWorkers",
                        Setting.number("minWorkers", 5, 1, 200)),
                WarningRule.java("village-monthly-wages", "labour", new Names("村月度务工工资超限",
                        "A village's monthly labour wages over the ceiling"), Severity.RED, Tier.TOWN, Facts.LABOUR,
                        checks::monthlyWages, Setting.number("ceiling", 50000, 1000, 10000000)),
                WarningRule.java("declared-not-paid", "labour", new Names("申报后逾期未支付", "Declared labour not paid"),
                        Severity.YELLOW, Tier.VILLAGE, Facts.LABOUR, checks::unpaid, Setting.number("days", 15, 1, 120)));
    }
}
